package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.engine.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tokenised file with the little data flow the rules need, all inside one function: what a name was last assigned
 * before a point, whether an expression is a string <em>built</em> from values (concatenation, {@code %},
 * {@code .format}, f-strings, template literals) or a constant, and whether it carries request input (taint).
 * Names are looked up backwards from the use to the start of the enclosing function; a function's parameters are
 * unknown values, except a web handler's, which are request input.
 */
final class Code {

    /** How an expression is made, as far as injection goes. */
    enum Shape { CONSTANT, BUILT, OTHER }

    /** A half-open range of token indexes; {@code keyword} for a Python keyword argument ({@code shell=True}). */
    record Arg(int start, int end, String keyword) {
    }

    private static final int MAX_HOPS = 6;
    private static final Set<String> PY_REQUEST_PARTS = Set.of("args", "form", "values", "json", "get_json", "data",
            "files", "cookies", "headers", "GET", "POST", "query_params", "view_args", "get_data", "body", "params");
    private static final Set<String> JS_REQUEST_ROOTS = Set.of("req", "request", "ctx");
    private static final Set<String> JS_REQUEST_PARTS = Set.of("query", "body", "params", "headers", "cookies",
            "request", "originalUrl", "url", "path", "hostname", "files", "file");
    private static final Set<String> JAVA_REQUEST_CALLS = Set.of("getParameter", "getParameterValues",
            "getParameterMap", "getHeader", "getHeaders", "getQueryString", "getCookies", "getInputStream",
            "getReader", "getPathInfo", "getRequestURI");
    private static final Set<String> JAVA_REQUEST_ANNOTATIONS = Set.of("RequestParam", "PathVariable", "RequestBody",
            "RequestHeader", "CookieValue", "QueryParam", "PathParam", "FormParam");
    /** Calls whose result no longer carries the input's danger for the sinks we check. */
    private static final Set<String> SANITIZERS = Set.of("int", "float", "bool", "parseInt", "parseFloat", "Number",
            "secure_filename", "basename", "escape", "quote", "shlex", "encodeURIComponent", "parseLong",
            "valueOf", "escapeHtml4", "htmlEscape", "sanitize", "DOMPurify", "uuid", "UUID");
    private static final Pattern REQUEST_IN_TEXT = Pattern.compile("\\b(request\\.(" + String.join("|", PY_REQUEST_PARTS)
            + ")|(req|request|ctx)\\.(" + String.join("|", JS_REQUEST_PARTS) + "))\\b");
    private static final Pattern ROUTE = Pattern.compile("\\w+ \\. (route|get|post|put|patch|delete|api_route|websocket).*");
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)");
    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "with", "elif", "return", "try");

    final Tokens tokens;
    final boolean python;
    final boolean java;
    /** Parameters of web handlers (Flask routes, Spring {@code @RequestParam}…): name → index of its function. */
    private final List<int[]> requestParams = new ArrayList<>();
    private final List<String> requestParamNames = new ArrayList<>();

    /** For each token, where its function starts (see {@link #scopeStart}); computed once, it is asked often. */
    private final int[] scopes;
    /** Each name's assignments ({@code name =}, {@code name +=}, {@code for name in}) by token index. */
    private final Map<String, List<Integer>> assignmentsByName = new HashMap<>();

    Code(Tokens tokens, boolean python, boolean java) {
        this.tokens = tokens;
        this.python = python;
        this.java = java;
        this.scopes = python ? pythonScopes() : braceScopes();
        indexAssignments();
        findRequestParameters();
    }

    private int[] pythonScopes() {
        int[] result = new int[size()];
        Deque<int[]> defs = new ArrayDeque<>(); // {token index of def, indent of its line}
        boolean lineStart = true;
        for (int i = 0; i < size(); i++) {
            Token t = at(i);
            if (lineStart && t.kind() != Kind.NEWLINE) {
                int indent = tokens.indent(t.line());
                while (!defs.isEmpty() && defs.peek()[1] >= indent) {
                    defs.pop();
                }
            }
            result[i] = defs.isEmpty() ? 0 : defs.peek()[0];
            if (t.is("def")) {
                defs.push(new int[] {i, tokens.indent(t.line())});
            }
            lineStart = t.kind() == Kind.NEWLINE;
        }
        return result;
    }

    private int[] braceScopes() {
        int[] result = new int[size()];
        Deque<Integer> blocks = new ArrayDeque<>();
        for (int i = 0; i < size(); i++) {
            Token t = at(i);
            if (t.is("}") && !blocks.isEmpty()) {
                blocks.pop();
            }
            result[i] = blocks.isEmpty() ? 0 : blocks.peek();
            if (t.is("{")) {
                int params = functionParams(i);
                blocks.push(params >= 0 ? params : result[i]);
            }
        }
        // A function's parameters belong to it, so a use of one finds the handler's request parameters.
        for (int i = 0; i < size(); i++) {
            if (is(i, "{") && functionParams(i) >= 0) {
                int params = functionParams(i);
                for (int j = params; j < i; j++) {
                    result[j] = params;
                }
            }
        }
        return result;
    }

    private void indexAssignments() {
        for (int j = 0; j < size(); j++) {
            Token t = at(j);
            if (t.isIdent() && !is(j - 1, ".") && (is(j + 1, "=") || is(j + 1, "+=")
                    || python && is(j - 1, "for") && is(j + 1, "in"))) {
                assignmentsByName.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(j);
            }
        }
    }

    Token at(int i) {
        return tokens.get(i);
    }

    int size() {
        return tokens.size();
    }

    boolean is(int i, String text) {
        Token t = tokens.get(i);
        return t != null && t.is(text);
    }

    /** A call {@code name(}, not a definition of it. */
    boolean isCall(int i) {
        Token t = at(i);
        return t != null && t.isIdent() && callOpen(i) > 0 && !is(i - 1, "def") && !is(i - 1, "function")
                && !(java && at(i - 1) != null && at(i - 1).isIdent() && !is(i - 1, "new") && !is(i - 1, "return"));
    }

    /** The '(' of a call at {@code i}, past TypeScript/Java type arguments ({@code query<Row>(}); -1 if none. */
    int callOpen(int i) {
        if (is(i + 1, "(")) {
            return i + 1;
        }
        if (python || !is(i + 1, "<")) {
            return -1;
        }
        int level = 0;
        for (int j = i + 1; j < Math.min(size(), i + 24); j++) {
            Token t = at(j);
            if (t.is("<")) {
                level++;
            } else if (t.is(">") || t.is(">>")) {
                level -= t.text().length();
                if (level <= 0) {
                    return is(j + 1, "(") ? j + 1 : -1;
                }
            } else if (!(t.isIdent() || t.is(",") || t.is(".") || t.is("[") || t.is("]") || t.is("|")
                    || t.is("?"))) {
                return -1;
            }
        }
        return -1;
    }

    /** The dotted name ending at identifier {@code i}: {@code os.path.join}, {@code Runtime.getRuntime().exec}. */
    String dotted(int i) {
        StringBuilder name = new StringBuilder(at(i).text());
        int j = i - 1;
        while (j >= 1 && (is(j, ".") || is(j, "?."))) {
            int k = j - 1;
            if (is(k, ")")) {
                int open = openOf(k);
                if (open <= 0 || !at(open - 1).isIdent()) {
                    break;
                }
                name.insert(0, at(open - 1).text() + "().");
                j = open - 2;
            } else if (at(k).isIdent()) {
                name.insert(0, at(k).text() + ".");
                j = k - 1;
            } else {
                break;
            }
        }
        return name.toString();
    }

    /** The last segment before the name at {@code i}: {@code cursor} for {@code cursor.execute}. */
    String receiver(int i) {
        return is(i - 1, ".") && at(i - 2) != null && at(i - 2).isIdent() ? at(i - 2).text() : null;
    }

    /** The index of the bracket closing the one at {@code open}; the last token when unclosed. */
    int closeOf(int open) {
        int level = 0;
        for (int i = open; i < size(); i++) {
            String s = at(i).kind() == Kind.OP ? at(i).text() : "";
            if (s.equals("(") || s.equals("[") || s.equals("{")) {
                level++;
            } else if ((s.equals(")") || s.equals("]") || s.equals("}")) && --level == 0) {
                return i;
            }
        }
        return size() - 1;
    }

    /** The index of the bracket opening the one at {@code close}; -1 when unopened. */
    int openOf(int close) {
        int level = 0;
        for (int i = close; i >= 0; i--) {
            String s = at(i).kind() == Kind.OP ? at(i).text() : "";
            if (s.equals(")") || s.equals("]") || s.equals("}")) {
                level++;
            } else if ((s.equals("(") || s.equals("[") || s.equals("{")) && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The arguments of the call whose '(' is at {@code open}. */
    List<Arg> args(int open) {
        List<Arg> args = new ArrayList<>();
        int close = closeOf(open);
        int start = open + 1;
        int level = 0;
        for (int i = open + 1; i <= close; i++) {
            Token t = at(i);
            if (t.kind() == Kind.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                level++;
            } else if (t.kind() == Kind.OP && level > 0
                    && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"))) {
                level--;
            } else if (level == 0 && (t.is(",") || i == close)) {
                if (i > start) {
                    boolean keyword = python && at(start).isIdent() && is(start + 1, "=");
                    args.add(keyword ? new Arg(start + 2, i, at(start).text()) : new Arg(start, i, null));
                }
                start = i + 1;
            }
        }
        return args;
    }

    Arg keyword(List<Arg> args, String name) {
        return args.stream().filter(a -> name.equals(a.keyword())).findFirst().orElse(null);
    }

    List<Arg> positional(List<Arg> args) {
        return args.stream().filter(a -> a.keyword() == null).toList();
    }

    /** The tokens of a range as written, joined by single spaces (for matching small expressions). */
    String text(int start, int end) {
        StringBuilder s = new StringBuilder();
        for (int i = start; i < end && i < size(); i++) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(at(i).text());
        }
        return s.toString();
    }

    /** The first token after the statement that holds {@code i} (its NEWLINE or ';' at bracket depth 0). */
    int statementEnd(int i) {
        int level = 0;
        for (int j = i; j < size(); j++) {
            Token t = at(j);
            if (t.kind() == Kind.OP && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"))) {
                level++;
            } else if (t.kind() == Kind.OP && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"))) {
                if (--level < 0) {
                    return j;
                }
            } else if (level == 0 && (t.is(";") || (t.kind() == Kind.NEWLINE && !continues(j)))) {
                return j;
            }
        }
        return size();
    }

    /** A JavaScript/Java newline inside a statement: the line ends or the next starts with an operator. */
    private boolean continues(int newline) {
        if (python) {
            return false;
        }
        Token before = at(newline - 1);
        Token after = at(newline + 1);
        return (before != null && before.kind() == Kind.OP && !before.is(")") && !before.is("]") && !before.is("}")
                && !before.is(";")) || (after != null && after.kind() == Kind.OP && (after.is("+") || after.is(".")
                || after.is("?") || after.is(":") || after.is("&&") || after.is("||")));
    }

    /** The first token of the statement that holds {@code i}. */
    int statementStart(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Token t = at(j);
            if (t.is(";") || t.is("{") || t.is("}") || (t.kind() == Kind.NEWLINE && !continues(j))) {
                return j + 1;
            }
        }
        return 0;
    }

    /** Where the function around {@code i} starts (its parameter list, or its {@code def}), or 0 at module level. */
    int scopeStart(int i) {
        return size() == 0 ? 0 : scopes[Math.max(0, Math.min(i, size() - 1))];
    }

    /** The '(' of the parameters when the '{' at {@code brace} opens a function body; else -1. */
    private int functionParams(int brace) {
        if (is(brace - 1, "=>")) {
            int k = brace - 2;
            return is(k, ")") ? openOf(k) : k;
        }
        int k = brace - 1;
        while (k > 0 && (at(k).isIdent() || is(k, ",") || is(k, ".")) && !is(k, ")")) {
            k--; // throws A, B
        }
        if (!is(k, ")")) {
            return -1;
        }
        int open = openOf(k);
        Token before = at(open - 1);
        return open > 0 && before.isIdent() && !NOT_FUNCTIONS.contains(before.text()) ? open : -1;
    }

    /** The value ranges assigned to {@code name} in its function before {@code before}, in source order. */
    List<Arg> assignments(String name, int before) {
        List<Integer> at = assignmentsByName.get(name);
        if (at == null) {
            return List.of();
        }
        List<Arg> found = new ArrayList<>();
        int scope = scopeStart(before);
        for (int j : at) {
            if (j >= before) {
                break;
            }
            if (scopes[j] != scope && !(j < before && scope != 0 && isInside(j, scope))) {
                continue;
            }
            if (is(j + 1, "in")) {
                found.add(new Arg(j + 2, statementEnd(j + 2), "="));
            } else {
                int end = statementEnd(j + 2);
                found.add(new Arg(j + 2, Math.min(end, before), is(j + 1, "+=") ? "+=" : "="));
            }
        }
        return found;
    }

    /** An assignment in a block nested in the function (an if, a loop, a lambda) counts for the function. */
    private boolean isInside(int j, int scope) {
        int s = scopes[j];
        for (int hops = 0; s != 0 && hops < 16; hops++) {
            if (s == scope) {
                return true;
            }
            s = scopes[s];
        }
        return false;
    }

    Shape shape(Arg arg) {
        return shape(arg.start(), arg.end(), 0);
    }

    Shape shape(int start, int end, int hops) {
        while (end - start >= 2 && is(start, "(") && closeOf(start) == end - 1) {
            start++;
            end--;
        }
        if (end <= start || hops > MAX_HOPS) {
            return Shape.OTHER;
        }
        if (end - start == 1) {
            Token t = at(start);
            if (t.isString()) {
                return t.isInterpolated() && !t.tagged() ? Shape.BUILT : Shape.CONSTANT;
            }
            if (t.kind() == Kind.NUMBER) {
                return Shape.CONSTANT;
            }
            return t.isIdent() ? shapeOfName(t.text(), start, hops) : Shape.OTHER;
        }
        List<Arg> operands = split(start, end, "+");
        if (operands.size() > 1) {
            boolean stringy = false;
            boolean allConstant = true;
            for (Arg operand : operands) {
                Shape s = shape(operand.start(), operand.end(), hops + 1);
                stringy |= s != Shape.OTHER || containsString(operand);
                allConstant &= s == Shape.CONSTANT;
            }
            return allConstant ? Shape.CONSTANT : stringy ? Shape.BUILT : Shape.OTHER;
        }
        for (int i = start; i < end; i++) {
            Token t = at(i);
            if (t.isString() && t.isInterpolated() && !t.tagged()) {
                return Shape.BUILT;
            }
            if (t.isString() && is(i + 1, "%") && i + 2 < end) {
                return Shape.BUILT;
            }
            if (t.isString() && is(i + 1, ".") && (is(i + 2, "format") || is(i + 2, "join")
                    || is(i + 2, "concat") || is(i + 2, "formatted"))) {
                return Shape.BUILT;
            }
            if (t.is("format") && is(i - 1, ".") && is(i - 2, "String")) {
                return Shape.BUILT;
            }
        }
        if (python && allStrings(start, end)) {
            return Shape.CONSTANT; // "a" "b": implicit concatenation
        }
        return Shape.OTHER;
    }

    private Shape shapeOfName(String name, int use, int hops) {
        List<Arg> assigned = assignments(name, use);
        if (assigned.isEmpty()) {
            return Shape.OTHER;
        }
        for (Arg a : assigned) {
            if ("+=".equals(a.keyword()) && shape(a.start(), a.end(), hops + 1) != Shape.CONSTANT) {
                return Shape.BUILT;
            }
        }
        Arg last = assigned.get(assigned.size() - 1);
        return shape(last.start(), last.end(), hops + 1);
    }

    private boolean allStrings(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!at(i).isString() || at(i).isInterpolated()) {
                return false;
            }
        }
        return true;
    }

    private boolean containsString(Arg range) {
        for (int i = range.start(); i < range.end(); i++) {
            if (at(i).isString()) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a range split at {@code op} at bracket depth 0. */
    List<Arg> split(int start, int end, String op) {
        List<Arg> parts = new ArrayList<>();
        int level = 0;
        int from = start;
        for (int i = start; i < end; i++) {
            Token t = at(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                level--;
            } else if (level == 0 && t.is(op)) {
                parts.add(new Arg(from, i, null));
                from = i + 1;
            }
        }
        parts.add(new Arg(from, end, null));
        return parts;
    }

    /** All string content of an expression and of what its names were assigned (for "does it look like SQL"). */
    String literalText(Arg arg) {
        StringBuilder text = new StringBuilder();
        literalText(arg.start(), arg.end(), 0, text);
        return text.toString();
    }

    private void literalText(int start, int end, int hops, StringBuilder text) {
        for (int i = start; i < end && hops <= MAX_HOPS; i++) {
            Token t = at(i);
            if (t.isString()) {
                text.append(t.value()).append(' ');
            } else if (t.isIdent() && !is(i - 1, ".") && !is(i + 1, "(")) {
                for (Arg a : assignments(t.text(), start)) {
                    literalText(a.start(), a.end(), hops + 1, text);
                }
            }
        }
    }

    boolean tainted(Arg arg) {
        return tainted(arg.start(), arg.end(), 0, new HashSet<>());
    }

    boolean tainted(int start, int end, int hops, Set<String> seen) {
        if (hops > MAX_HOPS) {
            return false;
        }
        for (int i = start; i < end; i++) {
            Token t = at(i);
            if (t.isIdent() && SANITIZERS.contains(t.text()) && is(i + 1, "(")) {
                i = closeOf(i + 1);
                continue;
            }
            if (isRequestRead(i)) {
                return true;
            }
            if (t.isIdent() && !is(i - 1, ".") && !is(i + 1, "(") && nameTainted(t.text(), start, hops, seen)) {
                return true;
            }
            if (t.isString() && t.isInterpolated()) {
                for (String part : t.interpolations()) {
                    if (textTainted(part, start, hops, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean textTainted(String source, int use, int hops, Set<String> seen) {
        if (REQUEST_IN_TEXT.matcher(source).find()) {
            return true;
        }
        Matcher names = NAME.matcher(source);
        while (names.find()) {
            if (nameTainted(names.group(1), use, hops, seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameTainted(String name, int use, int hops, Set<String> seen) {
        String key = name + "@" + scopeStart(use);
        if (!seen.add(key)) {
            return false;
        }
        if (isRequestParameter(name, use)) {
            return true;
        }
        for (Arg a : assignments(name, use)) {
            if (tainted(a.start(), a.end(), hops + 1, seen)) {
                return true;
            }
        }
        return false;
    }

    /** {@code request.args…}, {@code req.query…}, {@code request.getParameter(…)}, {@code input(…)}, argv. */
    boolean isRequestRead(int i) {
        Token t = at(i);
        if (!t.isIdent() || is(i - 1, ".")) {
            return java && t.isIdent() && JAVA_REQUEST_CALLS.contains(t.text()) && is(i + 1, "(")
                    && is(i - 1, ".");
        }
        String next = is(i + 1, ".") && at(i + 2) != null ? at(i + 2).text() : null;
        if (python) {
            return (t.text().equals("request") && PY_REQUEST_PARTS.contains(next))
                    || (t.text().equals("input") && is(i + 1, "("))
                    || (t.text().equals("sys") && "argv".equals(next));
        }
        if (java) {
            return false;
        }
        return (JS_REQUEST_ROOTS.contains(t.text()) && JS_REQUEST_PARTS.contains(next))
                || (t.text().equals("process") && "argv".equals(next))
                || (t.text().equals("location") && ("search".equals(next) || "hash".equals(next)))
                || ((t.text().equals("window") || t.text().equals("document")) && "location".equals(next));
    }

    private boolean isRequestParameter(String name, int use) {
        int scope = scopeStart(use);
        for (int k = 0; k < requestParamNames.size(); k++) {
            if (requestParamNames.get(k).equals(name) && requestParams.get(k)[0] == scope) {
                return true;
            }
        }
        return false;
    }

    /**
     * Flask/FastAPI view functions ({@code @app.route}, {@code @router.get} …) take request input as parameters;
     * so do Spring's {@code @RequestParam}/{@code @PathVariable} parameters.
     */
    private void findRequestParameters() {
        for (int i = 0; i < size(); i++) {
            if (python && is(i, "def") && routeDecorated(i) && is(i + 2, "(")) {
                int close = closeOf(i + 2);
                for (Arg a : args(i + 2)) {
                    Token first = at(a.start());
                    if (first.isIdent() && !first.text().equals("self") && a.start() < close) {
                        requestParamNames.add(first.text());
                        requestParams.add(new int[] {i});
                    }
                }
            } else if (java && is(i, "@") && at(i + 1) != null && JAVA_REQUEST_ANNOTATIONS.contains(at(i + 1).text())) {
                int j = i + 2;
                if (is(j, "(")) {
                    j = closeOf(j) + 1;
                }
                // Type [<…>] name: the name is the last identifier before ',' or ')'.
                int k = j;
                while (k < size() && !is(k, ",") && !is(k, ")")) {
                    k++;
                }
                if (at(k - 1) != null && at(k - 1).isIdent()) {
                    int open = openOf(k);
                    requestParamNames.add(at(k - 1).text());
                    requestParams.add(new int[] {is(k, ")") ? open : openOfParams(i)});
                }
            }
        }
    }

    private int openOfParams(int inside) {
        int level = 0;
        for (int j = inside; j >= 0; j--) {
            if (is(j, ")")) {
                level++;
            } else if (is(j, "(") && level-- == 0) {
                return j;
            }
        }
        return 0;
    }

    private boolean routeDecorated(int def) {
        int line = at(def).line();
        for (int j = def - 1; j >= 0 && at(j).line() >= line - 4; j--) {
            if (is(j, "@") && at(j + 1) != null) {
                String decorator = text(j + 1, Math.min(size(), j + 5));
                if (ROUTE.matcher(decorator).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name a statement assigns to, or the enclosing function's name (for "is this random a token?"). */
    String purposeOf(int i) {
        StringBuilder words = new StringBuilder();
        int start = statementStart(i);
        for (int j = start; j < i; j++) {
            if (at(j).isIdent()) {
                words.append(at(j).text()).append(' ');
            }
            if (is(j, "=") || is(j, ":")) {
                break;
            }
        }
        int scope = scopeStart(i);
        if (scope > 0) {
            int nameAt = python ? scope + 1 : scope - 1;
            if (at(nameAt) != null && at(nameAt).isIdent()) {
                words.append(at(nameAt).text());
            }
        }
        return words.toString();
    }
}
