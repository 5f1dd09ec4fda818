package com.fitnesscrm.orchestrator.codeanalysis;

/**
 * An error as the main backend's handler posts it: {@code {error, stack_trace, context?, type?, language?}}.
 *
 * @param error      the message (often {@code str(e)})
 * @param stackTrace the traceback as printed; may hold a chain (Python's "During handling…", Java's "Caused by:")
 * @param type       the exception type when sent apart; else read from the trace
 * @param language   as sent, or {@code null} to tell from the trace
 */
public record ErrorSource(String error, String stackTrace, String type, Language language) {
}
