package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns findings into {@link CodeIssue}s: the offending line as the snippet, every secret found anywhere in the file
 * redacted in every snippet and description, one issue per line and type, and a fingerprint that survives the code
 * moving up or down (file, rule and the line's text — not its number).
 */
final class Issues {

    private static final int SNIPPET_MAX = 300;
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*'");

    private Issues() {
    }

    /** The first four characters and an ellipsis (fewer for a short value, so most of it stays hidden). */
    static String redact(String secret) {
        int keep = Math.min(4, Math.max(1, secret.length() / 3));
        return secret.substring(0, keep) + "…";
    }

    static List<CodeIssue> build(String filePath, Tokens tokens, List<Finding> findings, List<String> secrets) {
        Set<String> fragments = new HashSet<>();
        for (String secret : secrets) {
            for (String part : secret.split("\\R")) {
                if (part.strip().length() >= 4) {
                    fragments.add(part.strip());
                }
            }
        }
        // Longest first, so a key's whole value is replaced before a fragment of it could be.
        List<String> ordered = fragments.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> ordinals = new HashMap<>();
        List<CodeIssue> issues = new ArrayList<>();
        for (Finding f : findings.stream().sorted(Comparator.comparingInt(Finding::line)).toList()) {
            if (!seen.add(f.line() + "/" + f.issueType())) {
                continue;
            }
            String snippet = redactAll(tokens.line(f.line()).strip(), ordered);
            if (f.issueType().equals("hardcoded_secret") && f.ruleId().startsWith("pmd.")) {
                snippet = redactLiterals(snippet);
            }
            if (snippet.length() > SNIPPET_MAX) {
                snippet = snippet.substring(0, SNIPPET_MAX) + "…";
            }
            String identity = filePath + "\n" + f.ruleId() + "\n" + snippet.replaceAll("\\s+", " ");
            int ordinal = ordinals.merge(identity, 1, Integer::sum);
            issues.add(new CodeIssue(f.issueType(), f.category().code(), f.severity().code(), f.line(),
                    redactAll(f.description(), ordered), f.suggestion(), f.ruleId(),
                    fingerprint(ordinal == 1 ? identity : identity + "\n" + ordinal), snippet, CodeIssue.RULES));
        }
        return issues;
    }

    static String redactAll(String text, List<String> fragments) {
        String result = text;
        for (String fragment : fragments) {
            result = result.replace(fragment, redact(fragment));
        }
        return result;
    }

    private static String redactLiterals(String snippet) {
        Matcher m = STRING_LITERAL.matcher(snippet);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String literal = m.group();
            String inner = literal.substring(1, literal.length() - 1);
            String replacement = inner.isEmpty() ? literal : literal.charAt(0) + redact(inner) + literal.charAt(0);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String fingerprint(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
