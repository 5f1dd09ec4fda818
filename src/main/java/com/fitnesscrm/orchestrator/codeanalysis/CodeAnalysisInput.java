package com.fitnesscrm.orchestrator.codeanalysis;

/**
 * What the Code Analyzer is asked to look at: exactly one of a piece of code, an error with its trace, or a log.
 *
 * @param context what the error handler sent about the request that failed (as JSON text), shown to the LLM only
 * @param counted the error's occurrence was already counted by {@code POST /api/errors}, which started this run
 */
public record CodeAnalysisInput(Kind kind, CodeSource code, ErrorSource error, String context, String log,
                                boolean counted) {

    /** Which of the three shapes was sent. */
    public enum Kind {
        CODE, ERROR, LOG
    }

    public static CodeAnalysisInput of(CodeSource code) {
        return new CodeAnalysisInput(Kind.CODE, code, null, null, null, false);
    }

    public static CodeAnalysisInput of(ErrorSource error, String context, boolean counted) {
        return new CodeAnalysisInput(Kind.ERROR, null, error, context, null, counted);
    }

    public static CodeAnalysisInput ofLog(String log) {
        return new CodeAnalysisInput(Kind.LOG, null, null, null, log, false);
    }
}
