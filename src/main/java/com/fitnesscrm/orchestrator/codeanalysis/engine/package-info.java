/**
 * The Code Analyzer's rules engine. {@link com.fitnesscrm.orchestrator.codeanalysis.engine.CodeAnalysisEngine} is the
 * one way in; behind it, package-private: the {@code Tokenizer} (strings, comments, f-strings, template literals,
 * regexes), {@code Code} (the data flow inside a function: assignments, built strings, request input), the rules per
 * language ({@code PythonRules}, {@code JavaScriptRules}, {@code JavaRules}, {@code PmdRules}), the language-neutral
 * {@code SecretRules}, and {@code Issues}, which redacts secrets and fingerprints each finding. It reads code and
 * never runs it.
 */
package com.fitnesscrm.orchestrator.codeanalysis.engine;
