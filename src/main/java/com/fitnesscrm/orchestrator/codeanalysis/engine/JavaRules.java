package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.Severity.CRITICAL;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.HIGH;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.MEDIUM;

import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Arg;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Code.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Our own Java security rules, beside PMD's quality rules (PMD 7's security category has only two): JDBC/JPA
 * queries built from strings, Runtime.exec on built commands, ObjectInputStream/XMLDecoder, MD5/SHA-1/DES/ECB,
 * trust-all TLS, SpEL/script engines on input, files opened from request input, writes of request input to the
 * response, java.util.Random for tokens, and == on string literals.
 */
final class JavaRules {

    private static final Set<String> SQL_SINKS = Set.of("executeQuery", "executeUpdate", "execute", "addBatch",
            "prepareStatement", "prepareCall", "createQuery", "createNativeQuery", "queryForList", "queryForObject",
            "query", "update", "queryForMap", "batchUpdate");
    private static final Set<String> FILE_SINKS = Set.of("File", "FileInputStream", "FileOutputStream", "FileReader",
            "FileWriter", "get", "of", "readAllBytes", "readString", "newInputStream", "lines", "readAllLines",
            "write", "delete", "copy");

    private final Code code;
    private final List<Finding> found = new ArrayList<>();

    private JavaRules(Code code) {
        this.code = code;
    }

    static List<Finding> find(Code code) {
        JavaRules rules = new JavaRules(code);
        rules.run();
        return rules.found;
    }

    private void run() {
        for (int i = 0; i < code.size(); i++) {
            Token t = code.at(i);
            if (code.isCall(i)) {
                call(i, code.dotted(i), t.text());
            } else if (t.isIdent() && Set.of("NoopHostnameVerifier", "TrustAllStrategy", "ALLOW_ALL_HOSTNAME_VERIFIER",
                    "InsecureTrustManagerFactory").contains(t.text())) {
                add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "java.tls.trust-all",
                        t.text() + " accepts any certificate or host name: the connection can be intercepted.",
                        "Use the default trust manager and hostname verifier; add a private CA to a trust store.");
            } else if (t.is("checkServerTrusted") && code.is(i + 1, "(")) {
                int brace = code.closeOf(i + 1) + 1;
                while (code.at(brace) != null && !code.is(brace, "{") && !code.is(brace, ";")) {
                    brace++;
                }
                if (code.is(brace, "{") && code.closeOf(brace) <= brace + 2
                        && code.text(brace, code.closeOf(brace) + 1).replace(" ", "").replace("\n", "").equals("{}")) {
                    add(IssueType.TLS_VERIFICATION_DISABLED, HIGH, t, "java.tls.empty-trust-manager",
                            "checkServerTrusted does nothing: every certificate is accepted.",
                            "Delegate to the default TrustManagerFactory's trust manager.");
                }
            } else if ((t.is("==") || t.is("!=")) && (isStringLiteral(i - 1) || isStringLiteral(i + 1))) {
                add(IssueType.STRING_IDENTITY_COMPARISON, MEDIUM, t, "java.compare.string-identity",
                        "Strings compared with " + t.text() + ": that compares references, so equal text can differ.",
                        "Use \"literal\".equals(value) or Objects.equals(a, b).");
            }
        }
    }

    private boolean isStringLiteral(int i) {
        Token t = code.at(i);
        return t != null && t.isString() && !t.text().startsWith("'");
    }

    private void call(int i, String name, String last) {
        List<Arg> args = code.args(code.callOpen(i));
        Arg first = args.isEmpty() ? null : args.get(0);
        Token t = code.at(i);
        boolean isNew = code.is(i - 1, "new");
        if (SQL_SINKS.contains(last) && code.is(i - 1, ".") && first != null) {
            Shape shape = code.shape(first);
            boolean tainted = code.tainted(first);
            if (shape == Shape.BUILT && PythonRules.SQL.matcher(code.literalText(first)).find()
                    || shape == Shape.OTHER && tainted) {
                add(IssueType.SQL_INJECTION, tainted ? CRITICAL : HIGH, t, "java.sql.string-built",
                        "SQL built by concatenation passed to " + last + "()" + (tainted ? ", with request input" : "")
                                + ": a quote in a value rewrites the query.",
                        "Use a PreparedStatement with ? placeholders (or named parameters) and set the values.");
            }
        }
        if (last.equals("exec") && name.contains("getRuntime") && first != null && code.shape(first) != Shape.CONSTANT
                && !code.text(first.start(), first.end()).startsWith("new String [")) {
            boolean tainted = code.tainted(first);
            add(IssueType.COMMAND_INJECTION, tainted ? CRITICAL : HIGH, t, "java.command.runtime-exec",
                    "Runtime.exec on a command string built from values" + (tainted ? " of the request" : "")
                            + ": it is split on spaces, so a value can add arguments or programs.",
                    "Use new ProcessBuilder(List.of(program, arg1, arg2)) with each value as its own argument.");
        }
        if (isNew && (last.equals("ObjectInputStream") || last.equals("XMLDecoder"))
                || last.equals("enableDefaultTyping") || last.equals("activateDefaultTyping")) {
            add(IssueType.INSECURE_DESERIALIZATION, HIGH, t, "java.deserialize.object-stream",
                    last + ": reading objects of any class from data lets a gadget chain run code.",
                    "Read data as JSON into a fixed type; if Java serialization must stay, set an ObjectInputFilter "
                            + "allow-list.");
        }
        if (last.equals("getInstance") && first != null && code.at(first.start()).isString()) {
            String algorithm = code.at(first.start()).value().toUpperCase();
            boolean weakDigest = name.startsWith("MessageDigest") && algorithm.matches("MD2|MD4|MD5|SHA-?1|SHA");
            boolean weakCipher = name.startsWith("Cipher") && (algorithm.matches("(DES|DESEDE|RC2|RC4|BLOWFISH|AES)")
                    || algorithm.contains("/ECB/") || algorithm.startsWith("DES") || algorithm.startsWith("RC4"));
            if (weakDigest || weakCipher) {
                add(IssueType.WEAK_CRYPTO, MEDIUM, t, "java.crypto.weak",
                        name + "(\"" + algorithm + "\") is weak: a broken hash, or a cipher/mode that leaks patterns "
                                + "(plain \"AES\" means AES/ECB).",
                        "Use SHA-256 (PBKDF2/bcrypt/argon2 for passwords) and AES/GCM/NoPadding with a random IV.");
            }
        }
        if ((last.equals("parseExpression") || last.equals("eval") && name.matches("(?i).*(engine|script).*"))
                && first != null && code.shape(first) != Shape.CONSTANT && code.tainted(first)) {
            add(IssueType.CODE_INJECTION, CRITICAL, t, "java.code.expression-input",
                    last + "() evaluates an expression from request input: it can call any method on the classpath.",
                    "Never evaluate input; map it to a fixed set of operations.");
        }
        if (FILE_SINKS.contains(last) && (isNew || name.startsWith("Paths.") || name.startsWith("Path.")
                || name.startsWith("Files.")) && args.stream().anyMatch(code::tainted)) {
            add(IssueType.PATH_TRAVERSAL, HIGH, t, "java.path.request-input",
                    name + " on a path from the request: ../ in it reaches files outside the folder meant.",
                    "Resolve against the base folder, normalize, and check the result startsWith the base.");
        }
        if ((last.equals("print") || last.equals("println") || last.equals("write")) && name.contains("getWriter")
                && first != null && code.tainted(first)) {
            add(IssueType.XSS, HIGH, t, "java.xss.writer",
                    "Request input is written to the response unescaped: HTML in it runs in the reader's browser.",
                    "Escape it (HtmlUtils.htmlEscape) or render it with a template engine that escapes.");
        }
        if ((isNew && last.equals("Random") || name.equals("Math.random"))
                && PythonRules.SECURITY_PURPOSE.matcher(code.purposeOf(i)).find()) {
            add(IssueType.INSECURE_RANDOMNESS, MEDIUM, t, "java.random.for-secret",
                    (isNew ? "java.util.Random" : "Math.random()") + " makes a value used as a secret ("
                            + code.purposeOf(i).trim() + "); it is predictable.",
                    "Use java.security.SecureRandom.");
        }
    }

    private void add(IssueType type, Severity severity, Token at, String ruleId, String description,
                     String suggestion) {
        found.add(Finding.of(type, severity, at.line(), ruleId, description, suggestion));
    }
}
