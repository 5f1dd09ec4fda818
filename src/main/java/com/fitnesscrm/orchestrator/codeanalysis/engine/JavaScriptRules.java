package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.Severity.CRITICAL;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.HIGH;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.LOW;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.MEDIUM;

import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Arg;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JavaScript and TypeScript rules in the spirit of eslint-plugin-security and eslint-plugin-no-unsanitized: SQL
 * built from strings, child_process.exec on built commands (execFile with an argument array is fine), eval and
 * new Function, node-serialize, weak hashes and ciphers, rejectUnauthorized: false, template compilation of input,
 * listen on 0.0.0.0, empty catch blocks, innerHTML and friends, Math.random for tokens, fs calls on request input.
 */
final class JavaScriptRules {

    private static final Set<String> SQL_SINKS = Set.of("query", "execute", "raw", "$queryRawUnsafe",
            "$executeRawUnsafe", "whereRaw", "unsafe", "prepare", "run", "all", "get", "exec");
    /** Sinks that take nothing but SQL, so request input passed as a whole is an injection too. */
    private static final Set<String> TAINT_SQL_SINKS = Set.of("query", "raw", "$queryRawUnsafe",
            "$executeRawUnsafe", "whereRaw", "unsafe");
    private static final Set<String> CHILD_PROCESS = Set.of("child_process", "cp", "childProcess", "proc");
    private static final Set<String> FS_SINKS = Set.of("readFile", "readFileSync", "writeFile", "writeFileSync",
            "createReadStream", "createWriteStream", "unlink", "unlinkSync", "readdir", "readdirSync", "appendFile",
            "appendFileSync", "rm", "rmSync", "open", "openSync", "sendFile", "download", "access", "stat");
    private static final Set<String> TEMPLATE_SINKS = Set.of("compile", "render", "template", "renderString");

    private final Code code;
    private final boolean importsChildProcess;
    private final List<Finding> found = new ArrayList<>();

    private JavaScriptRules(Code code) {
        this.code = code;
        boolean childProcess = false;
        for (int i = 0; i < code.size(); i++) {
            Token t = code.at(i);
            if (t.isString() && (t.value().equals("child_process") || t.value().equals("node:child_process"))) {
                childProcess = true;
            }
        }
        this.importsChildProcess = childProcess;
    }

    static List<Finding> find(Code code) {
        JavaScriptRules rules = new JavaScriptRules(code);
        rules.run();
        return rules.found;
    }

    private void run() {
        for (int i = 0; i < code.size(); i++) {
            Token t = code.at(i);
            if (t.is("catch") && !code.is(i - 1, ".")) {
                emptyCatch(i);
            } else if (code.isCall(i)) {
                call(i, code.dotted(i), t.text());
            } else if (t.isIdent() && (t.text().equals("innerHTML") || t.text().equals("outerHTML"))
                    && code.is(i - 1, ".") && (code.is(i + 1, "=") || code.is(i + 1, "+="))) {
                Arg value = new Arg(i + 2, code.statementEnd(i + 2), null);
                if (code.shape(value) != Shape.CONSTANT) {
                    add(IssueType.XSS, code.tainted(value) ? CRITICAL : HIGH, t, "js.xss.inner-html",
                            t.text() + " is set from a value that is not constant: HTML in it runs as markup and script.",
                            "Set textContent, or build elements; sanitize with DOMPurify if HTML is really wanted.");
                }
            } else if (t.is("dangerouslySetInnerHTML")) {
                int end = code.statementEnd(i);
                String text = code.text(i, Math.min(end, i + 12));
                if (!text.contains("DOMPurify") && !text.contains("sanitize")) {
                    add(IssueType.XSS, HIGH, t, "js.xss.dangerously-set-inner-html",
                            "dangerouslySetInnerHTML renders a value as raw HTML.",
                            "Render the text as children, or sanitize it with DOMPurify.sanitize first.");
                }
            } else if (t.is("rejectUnauthorized") && code.is(i + 1, ":") && code.is(i + 2, "false")
                    || t.is("strictSSL") && code.is(i + 1, ":") && code.is(i + 2, "false")) {
                add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "js.tls.reject-unauthorized",
                        t.text() + ": false accepts any certificate, so the connection can be intercepted.",
                        "Remove it; for a private CA pass its certificate in the ca option.");
            } else if (t.is("NODE_TLS_REJECT_UNAUTHORIZED") && code.is(i + 1, "=") && code.at(i + 2) != null
                    && code.at(i + 2).isString() && code.at(i + 2).value().equals("0")) {
                add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "js.tls.env-reject-unauthorized",
                        "NODE_TLS_REJECT_UNAUTHORIZED = '0' turns certificate checks off for the whole process.",
                        "Remove it; trust a private CA with NODE_EXTRA_CA_CERTS.");
            } else if (t.isString() && t.value().equals("0.0.0.0") && code.is(i - 1, ",")
                    && enclosingCall(i).endsWith("listen")) {
                add(IssueType.BIND_ALL_INTERFACES, MEDIUM, t, "js.bind.all-interfaces",
                        "The server listens on 0.0.0.0, every network interface.",
                        "Listen on 127.0.0.1 behind a proxy, or read the host from configuration.");
            }
        }
    }

    private void call(int i, String name, String last) {
        List<Arg> args = code.args(code.callOpen(i));
        Arg first = args.isEmpty() ? null : args.get(0);
        Token t = code.at(i);
        String receiver = code.receiver(i);
        boolean method = code.is(i - 1, ".");
        boolean isNew = code.is(i - 1, "new");

        if (SQL_SINKS.contains(last) && method && first != null) {
            Shape shape = code.shape(first);
            boolean tainted = code.tainted(first);
            if ((shape == Shape.BUILT && PythonRules.SQL.matcher(code.literalText(first)).find())
                    || (shape == Shape.OTHER && tainted && TAINT_SQL_SINKS.contains(last))) {
                add(IssueType.SQL_INJECTION, tainted ? CRITICAL : HIGH, t, "js.sql.string-built",
                        "SQL built from values (" + name + " gets a concatenated string or a template literal)"
                                + (tainted ? " from the request" : "") + ": a quote in a value rewrites the query.",
                        "Use placeholders and pass the values apart: db.query(\"… WHERE id = $1\", [id]).");
            }
        }
        boolean childProcessCall = (method && receiver != null && (CHILD_PROCESS.contains(receiver)
                || receiver.equals("require"))) || (!method && importsChildProcess);
        if ((last.equals("exec") || last.equals("execSync")) && childProcessCall && first != null
                && code.shape(first) != Shape.CONSTANT) {
            boolean tainted = code.tainted(first);
            add(IssueType.COMMAND_INJECTION, tainted ? CRITICAL : HIGH, t, "js.command.exec",
                    last + "() runs its string through a shell, and this command is built from values"
                            + (tainted ? " from the request" : "") + ".",
                    "Use execFile(program, [arg1, arg2]) or spawn without shell: the arguments never reach a shell.");
        }
        if ((last.equals("spawn") || last.equals("spawnSync") || last.equals("execFile")) && childProcessCall
                && first != null) {
            boolean shell = args.stream().anyMatch(a -> code.text(a.start(), a.end()).matches(".*shell : true.*"));
            if (shell && args.stream().anyMatch(a -> code.shape(a) == Shape.BUILT || code.tainted(a))) {
                add(IssueType.COMMAND_INJECTION, HIGH, t, "js.command.spawn-shell",
                        last + "() with shell: true on values that are not constant.",
                        "Drop shell: true and pass the arguments as an array.");
            }
        }
        if (last.equals("eval") && !method && first != null && code.shape(first) != Shape.CONSTANT
                || last.equals("Function") && isNew && !args.isEmpty()
                && code.shape(args.get(args.size() - 1)) != Shape.CONSTANT
                || (last.equals("setTimeout") || last.equals("setInterval")) && first != null
                && code.shape(first) == Shape.BUILT
                || "vm".equals(receiver) && last.startsWith("run") && first != null
                && code.shape(first) != Shape.CONSTANT) {
            boolean tainted = first != null && code.tainted(first);
            add(IssueType.CODE_INJECTION, tainted ? CRITICAL : HIGH, t, "js.code.eval",
                    name + " runs a string as code" + (tainted ? ", and this one comes from the request" : "") + ".",
                    "Parse data with JSON.parse; pass a function, not a string, to setTimeout.");
        }
        if ((last.equals("unserialize") && (receiver == null || receiver.matches("(?i)serial.*")))
                || name.equals("serialize.unserialize")) {
            add(IssueType.INSECURE_DESERIALIZATION, HIGH, t, "js.deserialize.node-serialize",
                    "node-serialize's unserialize runs functions embedded in the data (CVE-2017-5941).",
                    "Exchange data as JSON and read it with JSON.parse.");
        }
        if ((last.equals("createHash") || last.equals("createHmac")) && first != null
                && code.at(first.start()).isString()
                && code.at(first.start()).value().toLowerCase().matches("md5|md4|sha1|sha-1") && last.equals("createHash")
                || (last.equals("createCipher") || last.equals("createDecipher")) && method
                || last.equals("createCipheriv") && first != null && code.at(first.start()).isString()
                && code.at(first.start()).value().toLowerCase().matches(".*(des|rc4|rc2|ecb|blowfish).*")) {
            add(IssueType.WEAK_CRYPTO, MEDIUM, t, "js.crypto.weak",
                    name + "(" + (first == null ? "" : code.text(first.start(), first.end())) + ") is weak crypto: "
                            + "broken hash, cipher without IV, or a mode that leaks patterns.",
                    "Use sha256 (or scrypt/argon2 for passwords) and createCipheriv('aes-256-gcm', key, iv).");
        }
        if (TEMPLATE_SINKS.contains(last) && method && receiver != null
                && receiver.matches("(?i)(ejs|pug|jade|handlebars|hbs|nunjucks|_|lodash|mustache|dot|doT)")
                && first != null && (code.tainted(first) || code.shape(first) == Shape.BUILT)) {
            add(IssueType.TEMPLATE_INJECTION, HIGH, t, "js.template.compile-input",
                    name + " compiles a template built from input: template syntax in it runs on the server.",
                    "Keep templates constant and pass the values as the template's data.");
        }
        if ((last.equals("write") || last.equals("writeln")) && "document".equals(receiver) && first != null
                && code.shape(first) != Shape.CONSTANT
                || last.equals("insertAdjacentHTML") && args.size() > 1 && code.shape(args.get(1)) != Shape.CONSTANT
                || (last.equals("send") || last.equals("write")) && "res".equals(receiver) && first != null
                && code.tainted(first) && code.shape(first) != Shape.OTHER) {
            add(IssueType.XSS, HIGH, t, "js.xss.html-sink",
                    name + " writes HTML made from values" + (first != null && code.tainted(first) ? " of the request" : "")
                            + " without escaping.", "Escape the values, or send JSON and render text in the client.");
        }
        if (name.equals("Math.random") && PythonRules.SECURITY_PURPOSE.matcher(code.purposeOf(i)).find()) {
            add(IssueType.INSECURE_RANDOMNESS, MEDIUM, t, "js.random.for-secret",
                    "Math.random() makes a value used as a secret (" + code.purposeOf(i).trim() + "); it is predictable.",
                    "Use crypto.randomBytes(32).toString('hex') or crypto.randomUUID().");
        }
        if (FS_SINKS.contains(last) && method && args.stream().anyMatch(code::tainted)) {
            add(IssueType.PATH_TRAVERSAL, HIGH, t, "js.path.request-input",
                    name + "() uses a path from the request: ../ in it reaches files outside the folder meant.",
                    "Take path.basename of the name, resolve it under the base folder and check it starts with it.");
        }
        if (last.equals("catch") && method && first != null) {
            String handler = code.text(first.start(), first.end()).replace(" ", "");
            int firstLine = code.at(first.start()).line();
            int lastLine = code.at(Math.max(first.start(), first.end() - 1)).line();
            if (handler.matches("\\(\\w*\\)=>\\{\\}|\\w+=>\\{\\}|function\\w*\\(\\w*\\)\\{\\}")
                    && !code.tokens.commentBetween(firstLine, lastLine)) {
                add(IssueType.SWALLOWED_EXCEPTION, LOW, t, "js.promise.empty-catch",
                        ".catch() with an empty handler: the rejection disappears without a trace.",
                        "Log the error or let it reach a handler that reports it.");
            }
        }
    }

    /** {@code catch (e) {}} or {@code catch {}} with nothing, not even a comment, inside. */
    private void emptyCatch(int i) {
        int brace = i + 1;
        if (code.is(brace, "(")) {
            brace = code.closeOf(brace) + 1;
        }
        while (code.at(brace) != null && code.at(brace).kind() == Token.Kind.NEWLINE) {
            brace++;
        }
        if (!code.is(brace, "{")) {
            return;
        }
        int close = brace + 1;
        while (code.at(close) != null && code.at(close).kind() == Token.Kind.NEWLINE) {
            close++;
        }
        if (code.is(close, "}") && !code.tokens.commentBetween(code.at(i).line(), code.at(close).line())) {
            add(IssueType.SWALLOWED_EXCEPTION, MEDIUM, code.at(i), "js.catch.empty",
                    "An empty catch block: the error disappears without a trace, and the code after it runs on bad state.",
                    "Log it, rethrow it, or say in a comment why it is safe to ignore.");
        }
    }

    private String enclosingCall(int i) {
        int level = 0;
        for (int j = i - 1; j >= 0; j--) {
            if (code.is(j, ")")) {
                level++;
            } else if (code.is(j, "(") && level-- == 0) {
                return code.at(j - 1) != null && code.at(j - 1).isIdent() ? code.dotted(j - 1) : "";
            }
        }
        return "";
    }

    private void add(IssueType type, Severity severity, Token at, String ruleId, String description,
                     String suggestion) {
        found.add(Finding.of(type, severity, at.line(), ruleId, description, suggestion));
    }
}
