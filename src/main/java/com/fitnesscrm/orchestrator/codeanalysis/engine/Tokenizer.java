package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.engine.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lexer for Python, JavaScript/TypeScript and Java that is exact about what matters to the rules: strings
 * (prefixes, triple quotes, f-strings, template literals with {@code ${…}}, Java text blocks), comments, regular
 * expression literals in JavaScript, and line numbers. Everything else is identifiers, numbers and operators; it
 * never fails — an unterminated string simply ends the file, since a reviewer's snippet may be cut anywhere.
 */
final class Tokenizer {

    enum Mode { PYTHON, C_LIKE_JS, C_LIKE_JAVA }

    private static final Set<String> THREE_CHAR_OPS = Set.of("===", "!==", "**=", "//=", ">>=", "<<=", "...", "?.(",
            ">>>");
    private static final Set<String> TWO_CHAR_OPS = Set.of("==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=",
            "|=", "^=", "&&", "||", "=>", "->", "::", "**", "//", "<<", ">>", "++", "--", "?.", "??", ":=");
    /** After these a {@code /} starts a regular expression, not a division. */
    private static final Set<String> REGEX_AFTER_WORDS = Set.of("return", "typeof", "case", "do", "else", "in",
            "instanceof", "new", "delete", "void", "throw", "yield", "await");

    private final String src;
    private final Mode mode;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Tokens.Comment> comments = new ArrayList<>();
    private int pos;
    private int line = 1;
    /** Bracket depth: Python ends a statement at a newline only outside brackets. */
    private int depth;

    private Tokenizer(String src, Mode mode) {
        this.src = src;
        this.mode = mode;
    }

    static Tokens tokenize(String src, Mode mode) {
        Tokenizer tokenizer = new Tokenizer(src, mode);
        tokenizer.run();
        return new Tokens(List.copyOf(tokenizer.tokens), List.copyOf(tokenizer.comments), src.split("\r\n|\r|\n", -1));
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline();
            } else if (c == '\r') {
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\' && mode == Mode.PYTHON && peek(1) == '\n') {
                pos += 2;
                line++;
            } else if (mode == Mode.PYTHON && c == '#') {
                lineComment();
            } else if (mode != Mode.PYTHON && c == '/' && peek(1) == '/') {
                lineComment();
            } else if (mode != Mode.PYTHON && c == '/' && peek(1) == '*') {
                blockComment();
            } else if (mode == Mode.PYTHON && isPythonStringStart()) {
                pythonString();
            } else if (mode == Mode.C_LIKE_JS && c == '`') {
                templateLiteral();
            } else if (mode == Mode.C_LIKE_JAVA && c == '"' && src.startsWith("\"\"\"", pos)) {
                javaTextBlock();
            } else if (c == '"' || c == '\'') {
                quoted(c);
            } else if (mode == Mode.C_LIKE_JS && c == '/' && regexAllowed()) {
                regex();
            } else if (Character.isJavaIdentifierStart(c)) {
                identifier();
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number();
            } else {
                operator();
            }
        }
        add(Token.of(Kind.NEWLINE, "\n", line));
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private void add(Token token) {
        tokens.add(token);
    }

    private void newline() {
        // Inside brackets a newline ends no statement in any of the three languages.
        if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
            add(Token.of(Kind.NEWLINE, "\n", line));
        }
        pos++;
        line++;
    }

    private void lineComment() {
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
        comments.add(new Tokens.Comment(line, line, src.substring(start, pos)));
    }

    private void blockComment() {
        int start = pos;
        int startLine = line;
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? src.length() : end + 2;
        String text = src.substring(start, pos);
        line += count(text, '\n');
        comments.add(new Tokens.Comment(startLine, line, text));
    }

    private boolean isPythonStringStart() {
        int i = pos;
        while (i < src.length() && i - pos < 2 && "rRbBuUfF".indexOf(src.charAt(i)) >= 0) {
            i++;
        }
        if (i >= src.length()) {
            return false;
        }
        char q = src.charAt(i);
        // A prefix must be followed by the quote directly, and must not end an identifier (e.g. "buf'").
        boolean startsWord = pos == 0 || !Character.isJavaIdentifierPart(src.charAt(pos - 1));
        return (q == '"' || q == '\'') && (i == pos || startsWord);
    }

    private void pythonString() {
        int start = pos;
        int quoteAt = pos;
        while ("rRbBuUfF".indexOf(src.charAt(quoteAt)) >= 0) {
            quoteAt++;
        }
        String prefix = src.substring(start, quoteAt).toLowerCase();
        char q = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), quoteAt);
        boolean raw = prefix.contains("r");
        int contentStart = quoteAt + (triple ? 3 : 1);
        int i = contentStart;
        int startLine = line;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\' && !raw && i + 1 < src.length()) {
                i += 2;
                continue;
            }
            if (c == '\\' && raw && i + 1 < src.length() && src.charAt(i + 1) == q) {
                i += 2;
                continue;
            }
            if (triple ? src.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                break;
            }
            if (c == '\n' && !triple) {
                break;
            }
            i++;
        }
        String content = src.substring(contentStart, Math.min(i, src.length()));
        pos = Math.min(src.length(), i + (i < src.length() && src.charAt(i) != '\n' ? (triple ? 3 : 1) : 0));
        line += count(src.substring(start, pos), '\n');
        List<String> parts = prefix.contains("f") ? braces(content, "{") : List.of();
        add(new Token(Kind.STRING, src.substring(start, pos), content, startLine, parts, false));
    }

    /** A '…' or "…" string: Java, JavaScript, and Python's short strings go through {@link #pythonString}. */
    private void quoted(char q) {
        int start = pos;
        int contentStart = pos + 1;
        int i = contentStart;
        while (i < src.length() && src.charAt(i) != q && src.charAt(i) != '\n') {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i, src.length());
        String content = src.substring(contentStart, end);
        pos = end < src.length() && src.charAt(end) == q ? end + 1 : end;
        add(new Token(Kind.STRING, src.substring(start, pos), content, line, List.of(), false));
    }

    private void javaTextBlock() {
        int start = pos;
        int startLine = line;
        int end = src.indexOf("\"\"\"", pos + 3);
        while (end > 0 && src.charAt(end - 1) == '\\') {
            end = src.indexOf("\"\"\"", end + 1);
        }
        int contentEnd = end < 0 ? src.length() : end;
        pos = end < 0 ? src.length() : end + 3;
        line += count(src.substring(start, pos), '\n');
        add(new Token(Kind.STRING, src.substring(start, pos), src.substring(start + 3, contentEnd), startLine,
                List.of(), false));
    }

    private void templateLiteral() {
        int start = pos;
        int startLine = line;
        Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean tagged = previous != null && previous.isIdent() && previous.line() == line
                && start > 0 && Character.isJavaIdentifierPart(src.charAt(start - 1));
        List<String> parts = new ArrayList<>();
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) != '`') {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                int close = matchBrace(i + 1);
                parts.add(src.substring(i + 2, Math.max(i + 2, close)));
                i = close < 0 ? src.length() : close + 1;
            } else {
                i++;
            }
        }
        int end = Math.min(i, src.length());
        pos = end < src.length() ? end + 1 : end;
        line += count(src.substring(start, pos), '\n');
        add(new Token(Kind.STRING, src.substring(start, pos), src.substring(start + 1, end), startLine,
                List.copyOf(parts), tagged));
    }

    /** The index of the '}' closing the '{' at {@code open}, skipping nested strings; -1 when unclosed. */
    private int matchBrace(int open) {
        int level = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (c == '{') {
                level++;
            } else if (c == '}' && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The {…} parts of an f-string's content ({{ and }} are literal braces). */
    private static List<String> braces(String content, String open) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '{' && i + 1 < content.length() && content.charAt(i + 1) == '{') {
                i++;
            } else if (c == '{') {
                int close = content.indexOf('}', i + 1);
                if (close < 0) {
                    break;
                }
                parts.add(content.substring(i + 1, close));
                i = close;
            }
        }
        return List.copyOf(parts);
    }

    private boolean regexAllowed() {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NEWLINE) {
                continue;
            }
            if (t.kind() == Kind.IDENT) {
                return REGEX_AFTER_WORDS.contains(t.text());
            }
            if (t.kind() == Kind.OP) {
                return !(t.text().equals(")") || t.text().equals("]") || t.text().equals("}"));
            }
            return false;
        }
        return true;
    }

    private void regex() {
        int start = pos;
        int i = pos + 1;
        boolean inClass = false;
        while (i < src.length() && src.charAt(i) != '\n') {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
            i++;
        }
        i = Math.min(i + 1, src.length());
        while (i < src.length() && Character.isLetter(src.charAt(i))) {
            i++;
        }
        pos = i;
        add(Token.of(Kind.REGEX, src.substring(start, pos), line));
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        add(Token.of(Kind.IDENT, src.substring(start, pos), line));
    }

    private void number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == '_')) {
            pos++;
        }
        add(Token.of(Kind.NUMBER, src.substring(start, pos), line));
    }

    private void operator() {
        String op;
        if (pos + 3 <= src.length() && THREE_CHAR_OPS.contains(src.substring(pos, pos + 3))) {
            op = src.substring(pos, pos + 3);
        } else if (pos + 2 <= src.length() && TWO_CHAR_OPS.contains(src.substring(pos, pos + 2))) {
            op = src.substring(pos, pos + 2);
        } else {
            op = String.valueOf(src.charAt(pos));
        }
        if (op.equals("?.(")) {
            op = "?.";
        }
        // Braces hold statements in Java and JavaScript, so only Python's dict braces join lines.
        boolean braceJoins = mode == Mode.PYTHON;
        switch (op) {
            case "(", "[" -> depth++;
            case ")", "]" -> depth = Math.max(0, depth - 1);
            case "{" -> depth += braceJoins ? 1 : 0;
            case "}" -> depth = braceJoins ? Math.max(0, depth - 1) : depth;
            default -> {
            }
        }
        pos += op.length();
        add(Token.of(Kind.OP, op, line));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
