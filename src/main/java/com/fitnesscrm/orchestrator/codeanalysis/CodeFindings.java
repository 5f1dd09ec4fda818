package com.fitnesscrm.orchestrator.codeanalysis;

import java.util.List;

/**
 * What the rules engine found in one {@link CodeSource}.
 *
 * @param language the language the rules were chosen for
 * @param notes    what the reviewer should know about the analysis itself, e.g. that the language is unknown and
 *                 only the language-neutral rules ran, or that PMD could not parse the snippet
 */
public record CodeFindings(Language language, List<CodeIssue> issues, List<String> notes) {
}
