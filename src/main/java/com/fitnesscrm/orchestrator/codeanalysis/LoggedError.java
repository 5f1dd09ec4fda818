package com.fitnesscrm.orchestrator.codeanalysis;

/** One error found in a log: its analysis, and the lines of the log it was read from (its trace). */
public record LoggedError(ErrorAnalysis analysis, String trace) {
}
