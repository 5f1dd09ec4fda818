package com.fitnesscrm.orchestrator.codeanalysis.engine;

import java.util.List;

/**
 * A tokenised file: its tokens (comments left out), its comments by line (an empty catch with a comment is a
 * deliberate one), and its lines as written (for snippets).
 */
record Tokens(List<Token> list, List<Comment> comments, String[] lines) {

    record Comment(int line, int endLine, String text) {
    }

    Token get(int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    int size() {
        return list.size();
    }

    String line(int number) {
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }

    boolean commentBetween(int fromLine, int toLine) {
        return comments.stream().anyMatch(c -> c.endLine() >= fromLine && c.line() <= toLine);
    }

    /** The indentation of a line: its leading blanks, tabs counted as 8 as Python does. */
    int indent(int number) {
        String text = line(number);
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
            } else {
                break;
            }
        }
        return width;
    }
}
