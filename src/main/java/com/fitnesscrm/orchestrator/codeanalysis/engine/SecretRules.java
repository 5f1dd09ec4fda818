package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.Severity.CRITICAL;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.HIGH;

import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in the text, whatever the language (gitleaks' rules in spirit: provider formats first, then a generic
 * {@code secret = "…"} assignment when the value looks random). Unlike the code rules these look inside strings and
 * comments too — that is where secrets are — but a value read from the environment is not a literal, so
 * {@code os.environ["SECRET_KEY"]} never matches. Each finding carries the secret's value so {@link Issues} can
 * redact it everywhere; it never leaves the engine whole.
 */
final class SecretRules {

    /** A found secret: the rule's finding and the literal value to redact. */
    record Secret(Finding finding, String value) {
    }

    private record Rule(String id, String what, Pattern pattern, int group, Severity severity) {
    }

    private static final List<Rule> PROVIDER_RULES = List.of(
            new Rule("secret.aws-access-key-id", "an AWS access key id",
                    Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\\b"), 1, CRITICAL),
            new Rule("secret.aws-secret-access-key", "an AWS secret access key",
                    Pattern.compile("(?i)aws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9/+=]{40})[\"']"),
                    1, CRITICAL),
            new Rule("secret.stripe", "a Stripe secret key",
                    Pattern.compile("\\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,})\\b"), 1, CRITICAL),
            new Rule("secret.openai", "an OpenAI API key",
                    Pattern.compile("\\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"
                            + "|sk-proj-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{48})\\b"), 1, CRITICAL),
            new Rule("secret.slack-token", "a Slack token",
                    Pattern.compile("\\b(xox[baprs]-[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,})\\b"), 1, HIGH),
            new Rule("secret.slack-webhook", "a Slack webhook URL",
                    Pattern.compile("(https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+)"),
                    1, HIGH),
            new Rule("secret.github-token", "a GitHub token",
                    Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\\b"), 1,
                    CRITICAL),
            new Rule("secret.private-key", "a private key",
                    Pattern.compile("(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----"
                            + "[\\s\\S]{0,8192}?(?:-----END[ A-Z]*-----|$))"), 1, CRITICAL),
            new Rule("secret.password-in-url", "a password in a URL",
                    Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^/\\s:@'\"]{1,64}:([^/\\s:@'\"]{3,128})@"
                            + "[^\\s'\"]"), 1, HIGH));

    private static final Pattern JWT_SECRET = Pattern.compile(
            "(?i)\\b((?:jwt|token|signing)[_-]?(?:secret|key)(?:[_-]?key)?|secret[_-]?key)[\"']?\\s*[:=]\\s*"
                    + "[rbf]?[\"']([^\"'\\n]{8,})[\"']");
    private static final Pattern JWT_SIGN = Pattern.compile(
            "\\bjwt\\.(?:sign|encode|verify|decode)\\s*\\([^,\\n]+,\\s*[\"']([^\"'\\n]{6,})[\"']");
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)\\b([a-z0-9_.-]*(?:secret|passw(?:or)?d|passwd|pwd|token|api[_-]?key|apikey|access[_-]?key|"
                    + "auth[_-]?key|credential|private[_-]?key|client[_-]?secret)[a-z0-9_]*)[\"']?\\s*(?::|=|:=)\\s*"
                    + "[rbf]?[\"']([^\"'\\s]{8,200})[\"']");
    private static final Pattern NAMES_A_SECRET = Pattern.compile(
            "(?i)secret|passw|pwd|token|key|credential|jwt\\.");
    /** Values that are instructions to a reader, not secrets. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^(?:.*\\$\\{.*|.*\\{\\{.*|<.*>|%s|%\\(.*|x{3,}|\\*{3,}|\\.{3,}|.*(?:your|example|placeholder|changeme_?|"
                    + "replace|dummy|sample|redacted|here).*|test|password|secret|none|null)$");

    private SecretRules() {
    }

    static List<Secret> find(Tokens tokens) {
        String[] lines = tokens.lines();
        String text = String.join("\n", lines);
        List<Secret> found = new ArrayList<>();
        for (Rule rule : PROVIDER_RULES) {
            if (!mayMatch(rule, text)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                String value = m.group(rule.group());
                if (rule.id().equals("secret.password-in-url") && PLACEHOLDER.matcher(value).matches()) {
                    continue;
                }
                int line = lineOf(text, m.start(rule.group()));
                found.add(new Secret(Finding.of(IssueType.HARDCODED_SECRET, rule.severity(), line, rule.id(),
                        "Hard-coded " + rule.what() + " (" + Issues.redact(value) + "): anyone who can read the code "
                                + "or its history can use it.",
                        "Revoke it now, then read it from the environment or a secret store "
                                + "(os.environ[\"…\"], process.env.…, System.getenv(\"…\"))."), value));
            }
        }
        // The generic rules only on lines that name a secret: most lines do not, and the patterns are not cheap.
        StringBuilder named = new StringBuilder();
        for (String line : lines) {
            named.append(NAMES_A_SECRET.matcher(line).find() ? line : "").append('\n');
        }
        String candidates = named.toString();
        generic(candidates, JWT_SECRET, 2, "secret.jwt", "a JWT signing secret", found, false);
        generic(candidates, JWT_SIGN, 1, "secret.jwt", "a JWT signing secret", found, false);
        generic(candidates, GENERIC, 2, "secret.generic", null, found, true);
        return found;
    }

    /**
     * Where a secret was redacted from a run's recorded input ({@link #mark}): its redaction, then this mark naming
     * the rule that found it, so that reading the recorded input again (an async run) still reports it.
     */
    private static final Pattern MARK = Pattern.compile("\u27e6redacted (secret\\.[a-z-]{1,40})\u27e7");

    /** Code with its marks taken out, and the secrets they stand for (their values already redacted). */
    record Unmarked(String code, List<Secret> secrets) {
    }

    /**
     * The text with every secret replaced by its redaction and a mark naming its rule; a secret over several lines
     * keeps its line breaks, so the lines after it keep their numbers.
     */
    static String mark(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Secret> secrets = new ArrayList<>(find(new Tokens(List.of(), List.of(), lines)));
        secrets.sort((a, b) -> b.value().length() - a.value().length());
        String marked = text;
        for (Secret secret : secrets) {
            String value = secret.value();
            String breaks = "\n".repeat((int) value.chars().filter(c -> c == '\n').count());
            marked = marked.replace(value, Issues.redact(value) + "\u27e6redacted " + secret.finding().ruleId()
                    + "\u27e7" + breaks);
        }
        return marked;
    }

    /** Takes the marks out of code read back from a recorded input and reports the secret each stands for. */
    static Unmarked unmark(String code) {
        if (code.indexOf('\u27e6') < 0) {
            return new Unmarked(code, List.of());
        }
        List<Secret> secrets = new ArrayList<>();
        Matcher m = MARK.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = lineOf(code, m.start());
            String id = m.group(1);
            Rule rule = PROVIDER_RULES.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            String what = rule != null ? rule.what() : id.equals("secret.jwt") ? "a JWT signing secret" : "a secret";
            secrets.add(new Secret(Finding.of(IssueType.HARDCODED_SECRET, rule != null ? rule.severity() : HIGH, line,
                    id, "Hard-coded " + what + ": anyone who can read the code or its history can use it.",
                    "Revoke it now, then read it from the environment or a secret store "
                            + "(os.environ[\"…\"], process.env.…, System.getenv(\"…\"))."), null));
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        return new Unmarked(out.toString(), secrets);
    }

    /** A cheap test before the rule's pattern: the literal every match must contain. */
    private static boolean mayMatch(Rule rule, String text) {
        return switch (rule.id()) {
            case "secret.password-in-url" -> text.contains("://") && text.contains("@");
            case "secret.private-key" -> text.contains("PRIVATE KEY");
            case "secret.slack-webhook" -> text.contains("hooks.slack.com");
            case "secret.slack-token" -> text.contains("xox");
            case "secret.stripe" -> text.contains("k_live_") || text.contains("k_test_");
            case "secret.openai" -> text.contains("sk-");
            case "secret.github-token" -> text.contains("gh") || text.contains("github_pat_");
            case "secret.aws-secret-access-key" -> text.toLowerCase(Locale.ROOT).contains("secret");
            default -> true;
        };
    }

    private static void generic(String text, Pattern pattern, int group, String id, String what, List<Secret> found,
                                boolean needsEntropy) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String value = m.group(group);
            int line = lineOf(text, m.start(group));
            if (PLACEHOLDER.matcher(value).matches() || alreadyFound(found, line, value)) {
                continue;
            }
            String name = m.groupCount() >= 2 && group == 2 ? m.group(1) : "jwt";
            boolean password = name.toLowerCase(Locale.ROOT).matches(".*(passw|pwd).*");
            // A password need not look random; other names must, or "token_type = 'bearer_token'" would be a secret.
            if (needsEntropy && !(password ? value.length() >= 8 && entropy(value) >= 2.5 : looksRandom(value))) {
                continue;
            }
            found.add(new Secret(Finding.of(IssueType.HARDCODED_SECRET, HIGH, line, id,
                    "Hard-coded " + (what != null ? what : "secret in '" + name + "'") + " (" + Issues.redact(value)
                            + "): anyone who can read the code or its history can use it.",
                    "Read it from the environment or a secret store, and rotate the one that was committed."), value));
        }
    }

    private static boolean alreadyFound(List<Secret> found, int line, String value) {
        return found.stream().anyMatch(s -> s.finding().line() == line
                && (s.value().contains(value) || value.contains(s.value())));
    }

    /** Mixed character classes and ≥ 3.5 bits a character: a key, not a word. */
    static boolean looksRandom(String value) {
        int classes = 0;
        classes += value.matches(".*[a-z].*") ? 1 : 0;
        classes += value.matches(".*[A-Z].*") ? 1 : 0;
        classes += value.matches(".*[0-9].*") ? 1 : 0;
        classes += value.matches(".*[^A-Za-z0-9].*") ? 1 : 0;
        return value.length() >= 12 && classes >= 2 && entropy(value) >= 3.5 && !value.matches("[a-z_.-]+");
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
