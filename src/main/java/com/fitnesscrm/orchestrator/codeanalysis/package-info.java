/**
 * The Code Analyzer ({@code code_analysis}, issue 15): reviews code and errors for the main backend's CI and its
 * error handler. The root holds the agent ({@link com.fitnesscrm.orchestrator.codeanalysis.CodeAnalyzerAgent}), its
 * input and answer records, the check of the LLM's answer, and the services people use: suggestions and their review
 * ({@link com.fitnesscrm.orchestrator.codeanalysis.SuggestionService}), error reports
 * ({@link com.fitnesscrm.orchestrator.codeanalysis.ErrorReportService}) and error groups
 * ({@link com.fitnesscrm.orchestrator.codeanalysis.ErrorGroupService}). The rules live in {@code engine}, the tables
 * in {@code internal}, REST in {@code api}, views in {@code ui}. See docs/decisions/0020-code-analyzer.md.
 */
package com.fitnesscrm.orchestrator.codeanalysis;
