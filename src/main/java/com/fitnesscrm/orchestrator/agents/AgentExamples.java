package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One example input per agent type, the single source that both the OpenAPI document (in each shape of
 * {@code POST /api/execute} and on the type's own endpoints) and the Agents view's "Try it" start from, so that what
 * the document shows is what an admin can run. Each example is {@code src/main/resources/agent-examples/<type>.json};
 * a type without a file has no example. {@code OpenApiExamplesIT} posts every example and expects it accepted.
 *
 * <p>The files are written as of {@link #WRITTEN_ON}; their dates move forward by whole weeks to the current week,
 * so a Progress Monitor example stays a recent history ("on track") instead of turning stale a month later.
 */
public final class AgentExamples {

    /** The day the example files' dates are written for. */
    static final LocalDate WRITTEN_ON = LocalDate.of(2026, 12, 1);

    private static final Pattern TYPE_CODE = Pattern.compile("[a-z0-9_]{1,50}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<ObjectNode>> FILES = new ConcurrentHashMap<>();

    private AgentExamples() {
    }

    /**
     * The example input of an agent type, its dates moved to {@code today}'s week; empty when the type has none.
     * Each call returns a fresh copy, free to edit.
     */
    public static Optional<ObjectNode> input(String type, LocalDate today) {
        if (type == null || !TYPE_CODE.matcher(type).matches()) {
            return Optional.empty();
        }
        long weeks = ChronoUnit.WEEKS.between(WRITTEN_ON, today);
        return FILES.computeIfAbsent(type, AgentExamples::load).map(example -> {
            ObjectNode copy = example.deepCopy();
            shiftDates(copy, weeks);
            return copy;
        });
    }

    /** The example as indented JSON text, for an editor; {@code "{}"} when the type has none. */
    public static String text(String type, LocalDate today) {
        return input(type, today).map(example -> {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(example);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e); // a tree read from JSON always writes back
            }
        }).orElse("{}");
    }

    private static Optional<ObjectNode> load(String type) {
        try (InputStream in = AgentExamples.class.getResourceAsStream("/agent-examples/" + type + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode json = JSON.readTree(in);
            if (!(json instanceof ObjectNode object)) {
                throw new IllegalStateException("agent-examples/" + type + ".json must hold a JSON object");
            }
            return Optional.of(object);
        } catch (IOException e) {
            throw new UncheckedIOException("agent-examples/" + type + ".json is not readable JSON", e);
        }
    }

    private static void shiftDates(JsonNode node, long weeks) {
        if (weeks == 0) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    field.setValue(shifted(field.getValue(), weeks));
                } else {
                    shiftDates(field.getValue(), weeks);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, shifted(array.get(i), weeks));
                } else {
                    shiftDates(array.get(i), weeks);
                }
            }
        }
    }

    private static JsonNode shifted(JsonNode text, long weeks) {
        if (!ISO_DATE.matcher(text.asText()).matches()) {
            return text;
        }
        try {
            return TextNode.valueOf(LocalDate.parse(text.asText()).plusWeeks(weeks).toString());
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
