package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the editor's text a message belongs: the line (and column) of a syntax error, and the line of a field the
 * service names, such as {@code definition.nodes[2].agent}. The service validates the parsed JSON and knows no lines;
 * the text is walked here with Jackson's streaming parser, which tells each token's location.
 */
public final class DefinitionLines {

    /** Trailing tokens are an error too: {@code {...} }} must not be taken for the first object alone. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String ROOT = "definition";

    private DefinitionLines() {
    }

    /** The text parsed, or where and why it is not JSON. */
    public sealed interface Parsed permits Valid, SyntaxError {
    }

    public record Valid(JsonNode json) implements Parsed {
    }

    /** @param line 1-based; @param column 1-based */
    public record SyntaxError(int line, int column, String message) implements Parsed {

        /** As the editor shows it: {@code Line 3, column 7: Unexpected character ...}. */
        public String text() {
            return "Line " + line + ", column " + column + ": " + message;
        }
    }

    /** Parses the editor's text; an empty text is a syntax error at line 1. */
    public static Parsed parse(String text) {
        try {
            JsonNode json = JSON.readTree(text == null ? "" : text);
            if (json == null || json.isMissingNode()) {
                return new SyntaxError(1, 1, "The definition is empty; it must be a JSON object.");
            }
            return new Valid(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            return new SyntaxError(line, column, e.getOriginalMessage());
        }
    }

    /**
     * The line of {@code field} in {@code text}: the line its member name is on (or, for an array item, where the item
     * starts). A field that is not in the text (a required member left out) gets the line of the closest enclosing
     * part that is, e.g. the node's opening brace; {@code definition} alone, or a text that is not JSON, line 1.
     */
    public static int lineOf(String text, String field) {
        JsonPointer target = pointer(field);
        int best = 1;
        int bestDepth = -1;
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                // A container's own token opens a new context: its place is in the context around it.
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                // A member's value sits where its name was reported already.
                if (token != JsonToken.FIELD_NAME && context.inObject()) {
                    continue;
                }
                JsonPointer at = context.pathAsPointer();
                int depth = depth(at);
                if (depth > bestDepth && isPrefix(at, target)) {
                    best = parser.currentTokenLocation().getLineNr();
                    bestDepth = depth;
                    if (at.equals(target)) {
                        return best;
                    }
                }
            }
        } catch (IOException e) {
            return best; // the text broke after the part found; the syntax error is shown on its own
        }
        return best;
    }

    /** {@code definition.nodes[2].agent} as {@code /nodes/2/agent}. */
    static JsonPointer pointer(String field) {
        String path = field == null ? "" : field.strip();
        if (path.equals(ROOT)) {
            path = "";
        } else if (path.startsWith(ROOT + ".") || path.startsWith(ROOT + "[")) {
            path = path.substring(ROOT.length());
        }
        List<String> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            segments.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        StringBuilder pointer = new StringBuilder();
        segments.forEach(segment -> pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1")));
        return JsonPointer.compile(pointer.toString());
    }

    private static int depth(JsonPointer pointer) {
        int depth = 0;
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            depth++;
        }
        return depth;
    }

    private static boolean isPrefix(JsonPointer prefix, JsonPointer of) {
        JsonPointer a = prefix;
        JsonPointer b = of;
        while (!a.matches()) {
            if (b.matches() || !a.getMatchingProperty().equals(b.getMatchingProperty())) {
                return false;
            }
            a = a.tail();
            b = b.tail();
        }
        return true;
    }

    /** The problems as the editor lists them, {@code Line 12: <message>}, in the order of their lines. */
    public static List<String> messages(String text, List<DefinitionProblem> problems) {
        record AtLine(int line, String message) {
        }
        return problems.stream().map(problem -> new AtLine(lineOf(text, problem.field()), problem.message()))
                .sorted(Comparator.comparingInt(AtLine::line))
                .map(problem -> "Line " + problem.line() + ": " + problem.message()).toList();
    }

    /** The JSON of a valid text, else empty. */
    public static Optional<JsonNode> json(String text) {
        return parse(text) instanceof Valid valid ? Optional.of(valid.json()) : Optional.empty();
    }
}
