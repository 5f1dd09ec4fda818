package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.Severity.CRITICAL;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.HIGH;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.LOW;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.MEDIUM;

import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Arg;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Shape;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python and Flask rules in the spirit of Bandit (its test ids in brackets): SQL built from strings (B608), shell
 * commands (B602/B605), eval/exec (B307), pickle/yaml/marshal (B301/B506), weak hashes (B303/B324), requests without
 * TLS verification (B501), Flask debug (B201), render_template_string, 0.0.0.0 (B104), try/except/pass (B110),
 * {@code is} on literals, open() without close, Markup on input (B704), random for tokens (B311), files opened
 * from request input. Each rule looks at tokens, so text in strings and comments never fires.
 */
final class PythonRules {

    static final Pattern SQL = Pattern.compile("(?is)\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|"
            + "delete\\s+from|drop\\s+table|create\\s+table|alter\\s+table|where\\s|values\\s*\\()");
    private static final Set<String> SQL_SINKS = Set.of("execute", "executemany", "executescript", "raw", "extra",
            "text", "from_statement", "read_sql", "read_sql_query", "mogrify");
    private static final Set<String> SUBPROCESS = Set.of("call", "run", "Popen", "check_output", "check_call",
            "getoutput", "getstatusoutput");
    private static final Set<String> RANDOM = Set.of("random", "randint", "choice", "choices", "randrange",
            "getrandbits", "sample", "uniform", "shuffle");
    static final Pattern SECURITY_PURPOSE = Pattern.compile("(?i)(token|secret|passw|pwd|nonce|salt|otp|csrf|"
            + "api_?key|apikey|session|reset|verification|invite|auth)");
    private static final Set<String> FILE_SINKS = Set.of("open", "send_file", "os.remove", "os.unlink",
            "shutil.rmtree", "os.rmdir", "shutil.copy", "shutil.move", "io.open", "codecs.open");

    private final Code code;
    private final List<Finding> found = new ArrayList<>();

    private PythonRules(Code code) {
        this.code = code;
    }

    static List<Finding> find(Code code) {
        PythonRules rules = new PythonRules(code);
        rules.run();
        return rules.found;
    }

    private void run() {
        for (int i = 0; i < code.size(); i++) {
            Token t = code.at(i);
            if (t.is("except")) {
                swallowedException(i);
            } else if (code.isCall(i)) {
                call(i, code.dotted(i), t.text());
            } else if (t.is("except")) {
                swallowedException(i);
            } else if (t.is("is")) {
                identityComparison(i);
            } else if (t.isString() && t.value().equals("0.0.0.0")) {
                bindAll(i);
            } else if (t.isIdent() && (t.text().equals("debug") || t.text().equals("DEBUG"))) {
                debugAssignment(i);
            } else if (t.isIdent() && t.text().equals("CERT_NONE") && code.is(i - 1, ".")) {
                add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "py.tls.cert-none",
                        "Certificate checks are switched off (ssl.CERT_NONE): anyone on the path can impersonate "
                                + "the server.", "Keep ssl.CERT_REQUIRED (the default of ssl.create_default_context()).");
            }
        }
    }

    private void call(int i, String name, String last) {
        List<Arg> args = code.args(code.callOpen(i));
        List<Arg> positional = code.positional(args);
        Arg first = positional.isEmpty() ? null : positional.get(0);
        Token t = code.at(i);
        String receiver = code.receiver(i);
        boolean method = code.is(i - 1, ".");

        // SQLAlchemy's text() is usually imported bare; the others are methods of a cursor, session or queryset.
        if (SQL_SINKS.contains(last) && (method || last.equals("text")) && first != null) {
            Shape shape = code.shape(first);
            boolean tainted = code.tainted(first);
            if ((shape == Shape.BUILT && PythonRules.SQL.matcher(code.literalText(first)).find())
                    || (shape == Shape.OTHER && tainted)) {
                add(IssueType.SQL_INJECTION, tainted ? CRITICAL : HIGH, t, "py.sql.string-built",
                        "SQL built from values (" + name + " gets a string made with +, %, .format or an f-string)"
                                + (tainted ? " that come from the request" : "") + ": a quote in a value rewrites the query.",
                        "Pass the values as parameters: cursor.execute(\"… WHERE id = %s\", (value,)).");
            }
        }
        if ((name.equals("os.system") || name.equals("os.popen") || name.startsWith("os.spawn")
                || name.equals("commands.getoutput")) && first != null && code.shape(first) != Shape.CONSTANT) {
            boolean tainted = code.tainted(first);
            add(IssueType.COMMAND_INJECTION, tainted ? CRITICAL : HIGH, t, "py.command.os-system",
                    name + " runs its argument through a shell, and the command is built from values"
                            + (tainted ? " from the request" : "") + ".",
                    "Use subprocess.run([program, arg1, arg2]) with a list and without shell=True.");
        }
        if ("subprocess".equals(receiver) && SUBPROCESS.contains(last) && first != null) {
            Arg shell = code.keyword(args, "shell");
            if (shell != null && code.is(shell.start(), "True") && code.shape(first) != Shape.CONSTANT) {
                boolean tainted = code.tainted(first);
                add(IssueType.COMMAND_INJECTION, tainted ? CRITICAL : HIGH, t, "py.command.shell-true",
                        name + " with shell=True on a command built from values" + (tainted ? " from the request" : "")
                                + ": a ; or $( ) in a value runs another command.",
                        "Pass a list of arguments and drop shell=True; if a shell is unavoidable, shlex.quote each value.");
            }
        }
        if ((last.equals("eval") || last.equals("exec")) && !method && first != null
                && code.shape(first) != Shape.CONSTANT) {
            boolean tainted = code.tainted(first);
            add(IssueType.CODE_INJECTION, tainted ? CRITICAL : HIGH, t, "py.code.eval",
                    last + "() runs a string as Python code" + (tainted ? ", and this one comes from the request" : "")
                            + ".", "Parse data with json.loads or ast.literal_eval; dispatch on a dict of allowed functions.");
        }
        deserialization(i, name, last, receiver, args, t);
        crypto(name, last, receiver, args, positional, t);
        if (last.equals("run") && method) {
            Arg debug = code.keyword(args, "debug");
            if (debug != null && code.is(debug.start(), "True")) {
                add(IssueType.DEBUG_MODE, HIGH, t, "py.flask.debug",
                        "The app runs with debug=True: the Werkzeug debugger lets anyone who reaches it run code.",
                        "Read the flag from the environment (debug=os.environ.get(\"FLASK_DEBUG\") == \"1\") and never "
                                + "enable it in production.");
            }
        }
        Arg verify = code.keyword(args, "verify");
        if (verify != null && code.is(verify.start(), "False")) {
            add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "py.tls.verify-false",
                    name + " with verify=False: the TLS certificate is not checked, so the connection can be intercepted.",
                    "Remove verify=False; for a private CA pass verify=\"/path/to/ca.pem\".");
        }
        if (name.equals("ssl._create_unverified_context")) {
            add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "py.tls.unverified-context",
                    "ssl._create_unverified_context() turns certificate checks off.",
                    "Use ssl.create_default_context().");
        }
        if ((last.equals("render_template_string") || name.equals("jinja2.Template")
                || (last.equals("Template") && "jinja2".equals(receiver))) && first != null
                && code.shape(first) != Shape.CONSTANT) {
            boolean tainted = code.tainted(first);
            add(IssueType.TEMPLATE_INJECTION, tainted ? CRITICAL : HIGH, t, "py.template.string-built",
                    "A template is compiled from a string built at run time" + (tainted ? " from request input" : "")
                            + ": {{ … }} in it runs on the server (server-side template injection).",
                    "Keep templates constant (render_template(\"page.html\", name=value)) and pass values as variables.");
        }
        Arg autoescape = code.keyword(args, "autoescape");
        if (autoescape != null && code.is(autoescape.start(), "False")) {
            add(IssueType.XSS, HIGH, t, "py.xss.autoescape-off",
                    name + " with autoescape=False: values rendered into HTML are not escaped.",
                    "Use autoescape=True or jinja2.select_autoescape().");
        }
        if ((last.equals("Markup") || last.equals("mark_safe")) && first != null && code.shape(first) != Shape.CONSTANT
                && code.tainted(first)) {
            add(IssueType.XSS, HIGH, t, "py.xss.markup",
                    last + "() marks request input as safe HTML, so a <script> in it runs in the reader's browser.",
                    "Let the template escape the value; use Markup only on constant HTML.");
        }
        if (RANDOM.contains(last) && "random".equals(receiver)
                && PythonRules.SECURITY_PURPOSE.matcher(code.purposeOf(i)).find()) {
            add(IssueType.INSECURE_RANDOMNESS, MEDIUM, t, "py.random.for-secret",
                    "random." + last + "() makes a value used as a secret (" + code.purposeOf(i).trim()
                            + "); the random module is predictable.", "Use the secrets module: secrets.token_urlsafe(32).");
        }
        if ((FILE_SINKS.contains(name) || FILE_SINKS.contains(last) && !method) && first != null
                && code.tainted(first)) {
            add(IssueType.PATH_TRAVERSAL, HIGH, t, "py.path.request-input",
                    name + "() opens a path that comes from the request: ../ in it reaches any file the app can read.",
                    "Use werkzeug's secure_filename, or resolve the path and check it stays under the base directory.");
        }
        if (last.equals("open") && !method) {
            resourceLeak(i);
        }
    }

    private void deserialization(int i, String name, String last, String receiver, List<Arg> args, Token t) {
        boolean pickle = receiver != null && Set.of("pickle", "cPickle", "dill", "marshal", "shelve", "jsonpickle")
                .contains(receiver) && Set.of("loads", "load", "open", "decode", "Unpickler").contains(last);
        if (pickle) {
            add(IssueType.INSECURE_DESERIALIZATION, HIGH, t, "py.deserialize.pickle",
                    name + "() can run arbitrary code while it reads data that is not trusted.",
                    "Exchange data as JSON (json.loads); sign it (hmac) if it must be pickled.");
        }
        if ("yaml".equals(receiver) && (last.equals("load") || last.equals("load_all") || last.equals("unsafe_load")
                || last.equals("full_load"))) {
            Arg loader = code.keyword(args, "Loader");
            List<Arg> positional = code.positional(args);
            Arg loaderArg = loader != null ? loader : positional.size() > 1 ? positional.get(1) : null;
            String loaderText = loaderArg == null ? "" : code.text(loaderArg.start(), loaderArg.end());
            boolean safe = (last.equals("load") || last.equals("load_all")) && loaderText.matches(".*\\b(C?SafeLoader|BaseLoader)\\b.*");
            if (!safe) {
                add(IssueType.INSECURE_DESERIALIZATION, HIGH, t, "py.deserialize.yaml",
                        name + "() without SafeLoader builds arbitrary Python objects from the document.",
                        "Use yaml.safe_load(…), or yaml.load(…, Loader=yaml.SafeLoader).");
            }
        }
    }

    private void crypto(String name, String last, String receiver, List<Arg> args, List<Arg> positional, Token t) {
        Arg forSecurity = code.keyword(args, "usedforsecurity");
        if (forSecurity != null && code.is(forSecurity.start(), "False")) {
            return;
        }
        String weak = null;
        if ("hashlib".equals(receiver) && Set.of("md5", "sha1", "md4").contains(last)) {
            weak = last;
        } else if (name.equals("hashlib.new") && !positional.isEmpty() && code.at(positional.get(0).start()).isString()
                && code.at(positional.get(0).start()).value().toLowerCase().matches("md5|sha1|md4")) {
            weak = code.at(positional.get(0).start()).value();
        } else if (last.equals("new") && receiver != null && Set.of("DES", "DES3", "ARC4", "ARC2", "Blowfish", "XOR")
                .contains(receiver)) {
            weak = receiver;
        } else if (last.equals("new") && "AES".equals(receiver)
                && args.stream().anyMatch(a -> code.text(a.start(), a.end()).contains("MODE_ECB"))) {
            weak = "AES in ECB mode";
        }
        if (weak != null) {
            add(IssueType.WEAK_CRYPTO, MEDIUM, t, "py.crypto.weak",
                    weak + " is broken for security use (collisions, or plaintext patterns that show through).",
                    "Use hashlib.sha256 (or hashlib.blake2b), bcrypt/argon2 for passwords, AES-GCM for encryption; "
                            + "pass usedforsecurity=False for a checksum that protects nothing.");
        }
    }

    /** {@code except …:} whose whole body is {@code pass} or {@code ...}, with no comment saying why. */
    private void swallowedException(int i) {
        int colon = i;
        while (colon < code.size() && !code.is(colon, ":") && code.at(colon).kind() != Kind.NEWLINE) {
            colon++;
        }
        if (!code.is(colon, ":")) {
            return;
        }
        int body = colon + 1;
        if (code.at(body) != null && code.at(body).kind() == Kind.NEWLINE) {
            body++;
        }
        Token only = code.at(body);
        Token after = code.at(body + 1);
        boolean passOnly = only != null && (only.is("pass") || only.is("..."))
                && (after == null || after.kind() == Kind.NEWLINE);
        if (!passOnly) {
            return;
        }
        int endLine = only.line();
        Token next = code.at(body + 2);
        boolean blockEnds = next == null || next.line() > endLine
                && code.tokens.indent(next.line()) <= code.tokens.indent(code.at(i).line());
        if (blockEnds && !code.tokens.commentBetween(code.at(i).line(), endLine)) {
            String caught = code.text(i + 1, colon).trim();
            add(IssueType.SWALLOWED_EXCEPTION, caught.isEmpty() || caught.contains("Exception") ? MEDIUM : LOW,
                    code.at(i), "py.except.pass",
                    "except " + (caught.isEmpty() ? "" : caught + " ") + "with only pass: the error disappears without a "
                            + "trace, and the code after it runs on bad state.",
                    "Catch the narrowest exception, log it (logger.exception(…)), or say in a comment why it is safe "
                            + "to ignore.");
        }
    }

    private void identityComparison(int i) {
        int right = code.is(i + 1, "not") ? i + 2 : i + 1;
        Token left = code.at(i - 1);
        Token rightToken = code.at(right);
        boolean literal = (rightToken != null && (rightToken.isString() || rightToken.kind() == Kind.NUMBER))
                || (left != null && (left.isString() || left.kind() == Kind.NUMBER));
        if (literal) {
            add(IssueType.STRING_IDENTITY_COMPARISON, MEDIUM, code.at(i), "py.compare.is-literal",
                    "'is' compares identity, not value: with a string or number literal it is True or False by accident "
                            + "of interning.", "Compare values with == (and != for 'is not').");
        }
    }

    private void bindAll(int i) {
        Token before = code.at(i - 1);
        boolean hostKeyword = before != null && before.is("=") && code.at(i - 2) != null
                && code.at(i - 2).text().toLowerCase().matches(".*(host|bind|addr|interface|listen).*");
        boolean inCall = before != null && (before.is("(") || before.is(",")) && enclosingCallName(i)
                .matches("(?i).*(run|bind|listen|serve|server|socket|start).*");
        if (hostKeyword || inCall) {
            add(IssueType.BIND_ALL_INTERFACES, MEDIUM, code.at(i), "py.bind.all-interfaces",
                    "The server listens on 0.0.0.0, every network interface, not only the one it is meant for.",
                    "Bind to 127.0.0.1 behind a proxy, or read the host from configuration.");
        }
    }

    private String enclosingCallName(int i) {
        int level = 0;
        for (int j = i - 1; j >= 0; j--) {
            if (code.is(j, ")")) {
                level++;
            } else if (code.is(j, "(")) {
                if (level-- == 0) {
                    return code.at(j - 1) != null && code.at(j - 1).isIdent() ? code.dotted(j - 1) : "";
                }
            }
        }
        return "";
    }

    /** {@code app.debug = True}, {@code app.config["DEBUG"] = True}. */
    private void debugAssignment(int i) {
        if (code.is(i - 1, ".") && code.is(i + 1, "=") && code.is(i + 2, "True")) {
            add(IssueType.DEBUG_MODE, HIGH, code.at(i), "py.flask.debug",
                    "Debug mode is switched on in code: the interactive debugger lets anyone who reaches it run code.",
                    "Read it from the environment and keep it off in production.");
        }
    }

    private void resourceLeak(int i) {
        int start = code.statementStart(i);
        if (code.is(start, "with") || code.text(start, i).contains("with ")) {
            return;
        }
        // name = open(...) — then its close must follow in the same function.
        if (code.at(start).isIdent() && code.is(start + 1, "=") && start + 2 == i) {
            String name = code.at(start).text();
            int scopeEnd = scopeEnd(i);
            for (int j = i; j < scopeEnd; j++) {
                if (code.at(j).is(name) && (code.is(j + 1, ".") && code.is(j + 2, "close")
                        || code.is(j - 1, "return") && code.at(j + 1).kind() == Kind.NEWLINE
                        || code.is(j - 1, "(") && code.is(j - 2, "closing"))) {
                    return;
                }
            }
            add(IssueType.RESOURCE_LEAK, MEDIUM, code.at(i), "py.resource.open-without-close",
                    "The file opened into '" + name + "' is never closed on this path; an exception leaks it for good.",
                    "Use with open(…) as " + name + ": so it is closed whatever happens.");
        }
    }

    private int scopeEnd(int i) {
        int indent = code.scopeStart(i) == 0 ? -1 : code.tokens.indent(code.at(code.scopeStart(i)).line());
        for (int j = i; j < code.size(); j++) {
            Token t = code.at(j);
            if (t.kind() != Kind.NEWLINE && indent >= 0 && code.tokens.indent(t.line()) <= indent
                    && t.line() > code.at(i).line() && code.at(j - 1).kind() == Kind.NEWLINE) {
                return j;
            }
        }
        return code.size();
    }

    private void add(IssueType type, Severity severity, Token at, String ruleId, String description,
                     String suggestion) {
        found.add(Finding.of(type, severity, at.line(), ruleId, description, suggestion));
    }
}
