package com.fitnesscrm.orchestrator.workflows.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions of a definition, read against a run's state: {@code $input.<path>} and
 * {@code $nodes.<id>.<path>}, where the state is {@code {"input": …, "nodes": {"<id>": {"output": …, "run_id": …}}}}.
 * A path is dotted names with {@code [n]} for list items. A missing value reads as {@code null}; a text starting with
 * {@code $} followed by anything else is kept as written.
 */
public final class Expressions {

    private static final Pattern EXPRESSION = Pattern.compile("\\$(input|nodes)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
    private static final Set<String> OPERATORS = Set.of("equals", "not_equals", "in", "exists", "gt", "gte", "lt",
            "lte");

    private Expressions() {
    }

    /** The template with each expression text replaced by its value in {@code state}. */
    public static JsonNode fill(JsonNode template, JsonNode state) {
        if (template == null || template.isNull() || template.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        return fillValue(template, state);
    }

    private static JsonNode fillValue(JsonNode template, JsonNode state) {
        if (template.isTextual() && EXPRESSION.matcher(template.textValue()).matches()) {
            JsonNode value = value(template.textValue(), state);
            return value.isMissingNode() ? NullNode.instance : value.deepCopy();
        }
        if (template.isObject()) {
            ObjectNode filled = JsonNodeFactory.instance.objectNode();
            template.fields().forEachRemaining(field -> filled.set(field.getKey(), fillValue(field.getValue(), state)));
            return filled;
        }
        if (template.isArray()) {
            ArrayNode filled = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> filled.add(fillValue(item, state)));
            return filled;
        }
        return template;
    }

    /** The value an expression names, {@link MissingNode} when it names nothing. */
    public static JsonNode value(String expression, JsonNode state) {
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            return MissingNode.getInstance();
        }
        JsonNode current = state.path(matcher.group(1));
        Matcher step = STEP.matcher(matcher.group(2));
        while (step.find() && !current.isMissingNode()) {
            current = step.group(1) != null ? current.path(step.group(1)) : current.path(Integer.parseInt(step.group(2)));
        }
        return current;
    }

    /** Whether the condition holds in {@code state}. */
    public static boolean holds(JsonNode condition, JsonNode state) {
        if (condition.has("all")) {
            for (JsonNode part : condition.get("all")) {
                if (!holds(part, state)) {
                    return false;
                }
            }
            return true;
        }
        if (condition.has("any")) {
            for (JsonNode part : condition.get("any")) {
                if (holds(part, state)) {
                    return true;
                }
            }
            return false;
        }
        if (condition.has("not")) {
            return !holds(condition.get("not"), state);
        }
        JsonNode value = value(condition.path("path").asText(), state);
        for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            if (!test.getKey().equals("path") && !test(test.getKey(), value, test.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean test(String operator, JsonNode value, JsonNode expected) {
        boolean present = !value.isMissingNode() && !value.isNull();
        return switch (operator) {
            case "exists" -> present == expected.asBoolean(true);
            case "equals" -> same(value, expected);
            case "not_equals" -> !same(value, expected);
            case "in" -> {
                for (JsonNode option : expected) {
                    if (same(value, option)) {
                        yield true;
                    }
                }
                yield false;
            }
            case "gt" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) > 0;
            case "gte" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) >= 0;
            case "lt" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) < 0;
            case "lte" -> value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) <= 0;
            default -> false;
        };
    }

    /** Numbers compare by value (1 equals 1.0); a missing value equals null. */
    private static boolean same(JsonNode value, JsonNode expected) {
        if (value.isNumber() && expected.isNumber()) {
            return value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (value.isMissingNode()) {
            return expected.isNull();
        }
        return value.equals(expected);
    }

    /** The node ids the template's expressions name. */
    static Set<String> names(JsonNode template) {
        Set<String> names = new LinkedHashSet<>();
        collect(template, names);
        return names;
    }

    private static void collect(JsonNode template, Set<String> names) {
        if (template == null) {
            return;
        }
        if (template.isTextual()) {
            nodeName(template.textValue()).ifPresent(names::add);
        } else if (template.isContainerNode()) {
            template.forEach(child -> collect(child, names));
        }
    }

    private static java.util.Optional<String> nodeName(String expression) {
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches() || !matcher.group(1).equals("nodes")) {
            return java.util.Optional.empty();
        }
        Matcher step = STEP.matcher(matcher.group(2));
        return step.find() && step.group(1) != null ? java.util.Optional.of(step.group(1))
                : java.util.Optional.empty();
    }

    /** Checks a condition's shape, adding its problems, and returns the node ids it names. */
    static Set<String> conditionNames(JsonNode condition, String at, List<DefinitionProblem> problems) {
        Set<String> names = new LinkedHashSet<>();
        checkCondition(condition, at, problems, names, 1);
        return names;
    }

    private static void checkCondition(JsonNode condition, String at, List<DefinitionProblem> problems,
                                       Set<String> names, int depth) {
        if (depth > 10) {
            problems.add(new DefinitionProblem(at, "Conditions may nest at most 10 deep."));
            return;
        }
        if (!condition.isObject() || condition.isEmpty()) {
            problems.add(new DefinitionProblem(at, "A condition is an object: {\"path\": \"$nodes.x.output.y\", "
                    + "\"equals\": …}, or {\"all\": […]}, {\"any\": […]}, {\"not\": {…}}."));
            return;
        }
        for (String group : List.of("all", "any")) {
            if (condition.has(group)) {
                JsonNode parts = condition.get(group);
                if (!parts.isArray() || parts.isEmpty() || condition.size() != 1) {
                    problems.add(new DefinitionProblem(at + "." + group, "'" + group + "' is alone in its object "
                            + "and holds a non-empty list of conditions."));
                    return;
                }
                for (int i = 0; i < parts.size(); i++) {
                    checkCondition(parts.get(i), at + "." + group + "[" + i + "]", problems, names, depth + 1);
                }
                return;
            }
        }
        if (condition.has("not")) {
            if (condition.size() != 1) {
                problems.add(new DefinitionProblem(at + ".not", "'not' is alone in its object."));
                return;
            }
            checkCondition(condition.get("not"), at + ".not", problems, names, depth + 1);
            return;
        }
        JsonNode path = condition.get("path");
        if (path == null || !path.isTextual() || !EXPRESSION.matcher(path.textValue()).matches()) {
            problems.add(new DefinitionProblem(at + ".path", "A test needs a 'path' such as "
                    + "\"$nodes.assess.output.adjust\" or \"$input.client_id\"."));
            return;
        }
        nodeName(path.textValue()).ifPresent(names::add);
        List<String> operators = new ArrayList<>();
        condition.fieldNames().forEachRemaining(name -> {
            if (!name.equals("path")) {
                operators.add(name);
            }
        });
        if (operators.isEmpty()) {
            problems.add(new DefinitionProblem(at, "A test needs one of " + String.join(", ",
                    OPERATORS.stream().sorted().toList()) + "."));
        }
        for (String operator : operators) {
            JsonNode expected = condition.get(operator);
            if (!OPERATORS.contains(operator)) {
                problems.add(new DefinitionProblem(at + "." + operator, "Unknown test '" + operator + "'; the tests "
                        + "are " + String.join(", ", OPERATORS.stream().sorted().toList()) + "."));
            } else if (operator.equals("in") && !expected.isArray()) {
                problems.add(new DefinitionProblem(at + ".in", "'in' takes a list of values."));
            } else if (operator.matches("gte?|lte?") && !expected.isNumber()) {
                problems.add(new DefinitionProblem(at + "." + operator, "'" + operator + "' takes a number."));
            } else if (operator.equals("exists") && !expected.isBoolean()) {
                problems.add(new DefinitionProblem(at + ".exists", "'exists' takes true or false."));
            }
        }
    }
}
