/**
 * The Code Analyzer ({@code code_analysis}, issue 15): reviews code and errors for the main backend's CI and its
 * error handler. So far the root holds the records of its answer ({@link com.fitnesscrm.orchestrator.codeanalysis.CodeIssue},
 * {@link com.fitnesscrm.orchestrator.codeanalysis.CodeFindings}) and input ({@link com.fitnesscrm.orchestrator.codeanalysis.CodeSource});
 * the rules live in {@code engine}. See docs/decisions/0020-code-analyzer.md.
 */
package com.fitnesscrm.orchestrator.codeanalysis;
