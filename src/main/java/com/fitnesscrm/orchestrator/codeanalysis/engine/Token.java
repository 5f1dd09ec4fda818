package com.fitnesscrm.orchestrator.codeanalysis.engine;

import java.util.List;

/**
 * One token of the code under review. Strings carry their content ({@link #value}) and, for f-strings and template
 * literals, the source of their interpolations; comments are kept apart (see {@link Tokens#comments}) so no rule
 * ever matches inside one.
 *
 * @param text           the token as written (for a string: its quotes and prefix too)
 * @param value          a string's content without quotes; else the same as {@code text}
 * @param interpolations a string's {@code {…}} / {@code ${…}} parts as source text; empty for plain strings
 * @param tagged         a template literal right after a tag ({@code sql`…`}), which the tag escapes
 */
record Token(Kind kind, String text, String value, int line, List<String> interpolations, boolean tagged) {

    enum Kind { IDENT, NUMBER, STRING, OP, NEWLINE, REGEX }

    static Token of(Kind kind, String text, int line) {
        return new Token(kind, text, text, line, List.of(), false);
    }

    boolean is(String s) {
        return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    boolean isString() {
        return kind == Kind.STRING;
    }

    boolean isInterpolated() {
        return !interpolations.isEmpty();
    }
}
