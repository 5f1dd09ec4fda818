package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisOutput.ErrorGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every Code Analyzer answer must pass, the LLM's above all: the rules' findings are all there, unchanged but
 * for their {@code description} and {@code suggestion}; the stored rows, error groups, notes and language are the
 * rules'; and a finding of the LLM's own ({@code source: llm}) points at a line the file has and quotes code that is
 * on it. A violation gets one repair, then the rules' answer is used (the runtime's policy) — so an invented finding
 * is dropped either way.
 */
final class CodeAnalysisCheck {

    private static final Set<String> ENGINES = Set.of("rules", "llm", "llm_repaired", "cache");

    List<String> check(CodeAnalysisOutput rules, CodeAnalysisOutput output, String[] lines) {
        List<String> violations = new ArrayList<>();
        List<CodeIssue> given = output.issues() == null ? List.of() : output.issues();
        if (output.engine() == null || !ENGINES.contains(output.engine())) {
            violations.add("engine must be one of " + ENGINES + ", not " + output.engine() + ".");
        }
        Map<String, CodeIssue> theirs = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            CodeIssue issue = given.get(i);
            if (issue == null) {
                violations.add("issues[" + i + "] is null: every finding is an object.");
            } else if (CodeIssue.RULES.equals(issue.source()) && issue.fingerprint() != null) {
                theirs.put(issue.fingerprint(), issue);
            }
        }
        if (rules != null) {
            rulesKept(rules, theirs, violations);
            // An answer checked against itself (the rules' own) may have no rows yet.
            if (rules.suggestionIds() != null) {
                same(violations, "suggestion_ids", rules.suggestionIds(), output.suggestionIds());
            }
            same(violations, "notes", rules.notes(), output.notes());
            same(violations, "language", rules.language(), output.language());
            same(violations, "error_group", withoutWords(rules.errorGroup()), withoutWords(output.errorGroup()));
            same(violations, "error_groups", withoutWords(rules.errorGroups()), withoutWords(output.errorGroups()));
        }
        for (int i = 0; i < given.size(); i++) {
            CodeIssue issue = given.get(i);
            if (issue != null && !CodeIssue.RULES.equals(issue.source())) {
                violations.addAll(ownFinding("issues[" + i + "]", issue, lines));
            }
        }
        return violations;
    }

    private static void rulesKept(CodeAnalysisOutput rules, Map<String, CodeIssue> theirs, List<String> violations) {
        Set<String> known = new HashSet<>();
        for (CodeIssue mine : rules.issues()) {
            known.add(mine.fingerprint());
            CodeIssue kept = theirs.get(mine.fingerprint());
            String which = "The rules' finding " + mine.ruleId() + " on line " + mine.line() + " (fingerprint "
                    + mine.fingerprint() + ")";
            if (kept == null) {
                violations.add(which + " is missing: keep every finding of the rules, with source \"rules\".");
                continue;
            }
            List<String> changed = new ArrayList<>();
            differs(changed, "issue_type", mine.issueType(), kept.issueType());
            differs(changed, "category", mine.category(), kept.category());
            differs(changed, "severity", mine.severity(), kept.severity());
            differs(changed, "line", mine.line(), kept.line());
            differs(changed, "rule_id", mine.ruleId(), kept.ruleId());
            differs(changed, "snippet", mine.snippet(), kept.snippet());
            if (!changed.isEmpty()) {
                violations.add(which + " changed " + String.join(", ", changed) + "; only description and "
                        + "suggestion may change.");
            }
            if (blank(kept.description()) || blank(kept.suggestion())) {
                violations.add(which + " needs a description and a suggestion.");
            }
        }
        theirs.keySet().stream().filter(f -> !known.contains(f)).forEach(f -> violations.add("The finding with "
                + "fingerprint " + f + " says source \"rules\", but the rules found no such thing: mark findings of "
                + "your own source \"llm\"."));
    }

    private static List<String> ownFinding(String at, CodeIssue issue, String[] lines) {
        List<String> violations = new ArrayList<>();
        if (!CodeIssue.LLM.equals(issue.source())) {
            violations.add(at + " has source " + issue.source() + "; a finding of your own has source \"llm\".");
        }
        if (lines.length == 0) {
            violations.add(at + " points at code, but no code was sent: drop it.");
            return violations;
        }
        if (issue.line() < 1 || issue.line() > lines.length) {
            violations.add(at + " points at line " + issue.line() + ", but the file has " + lines.length
                    + " lines: drop it.");
            return violations;
        }
        String line = squeeze(lines[issue.line() - 1]);
        if (blank(issue.snippet()) || squeeze(issue.snippet()).isEmpty() || !line.contains(squeeze(issue.snippet()))) {
            violations.add(at + " quotes code that is not on line " + issue.line() + ": quote that line exactly, or "
                    + "drop the finding.");
        }
        if (blank(issue.issueType()) || Coded.find(Category.class, String.valueOf(issue.category())).isEmpty()
                || Coded.find(Severity.class, String.valueOf(issue.severity())).isEmpty()) {
            violations.add(at + " needs an issue_type, a category (" + Coded.codes(Category.class) + ") and a "
                    + "severity (" + Coded.codes(Severity.class) + ").");
        }
        if (blank(issue.description())) {
            violations.add(at + " needs a description.");
        }
        return violations;
    }

    /** An error group without the words the LLM may rewrite. */
    /**
     * A group as the rules decide it: without the words the LLM may change, and without its counters, which move
     * with every report of the error (a cached answer keeps the counts of when it was made).
     */
    private static ErrorGroup withoutWords(ErrorGroup group) {
        return group == null ? null : new ErrorGroup(group.fingerprint(), group.title(), group.exceptionType(),
                group.inAppFrames(), null, null, 0, null, null, group.causeRule());
    }

    private static List<ErrorGroup> withoutWords(List<ErrorGroup> groups) {
        return groups == null ? null : groups.stream().map(CodeAnalysisCheck::withoutWords).toList();
    }

    private static void same(List<String> violations, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            violations.add(field + " must stay as given: " + mine + ".");
        }
    }

    private static void differs(List<String> changed, String field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(field);
        }
    }

    private static String squeeze(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
