package com.fitnesscrm.orchestrator.progress.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every Progress Monitor answer must pass, the engine's and the LLM's alike: the numbers are the engine's
 * (the LLM may rewrite {@code narrative} and {@code motivation} only), the goal statuses and dates are consistent,
 * and every number or date the text states is one of the report's (a rounding of it, its absolute value, a
 * fraction as a percentage, or weeks until a date).
 */
final class ProgressCheck {

    private static final Set<String> STATUSES = Set.of("on_track", "reached", "plateau", "wrong_direction",
            "insufficient_data", "stale");
    private static final Set<String> ENGINES = Set.of("rules", "llm", "llm_repaired", "cache");
    /** Numbers the engine's own sentences use as words of method: 95% interval, 1% a week, 3 weeks, 7/14/21 days. */
    private static final double[] METHOD_NUMBERS = {95, 1, 2, 3, 4, 7, 14, 21, 3.5};
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:[.,]\\d+)?");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ProgressEngine engine;

    ProgressCheck(ProgressEngine engine) {
        this.engine = engine;
    }

    List<String> check(ProgressInput input, ProgressReport output) {
        List<String> violations = new ArrayList<>();
        ProgressReport expected = engine.report(input);
        same(violations, "client_id", expected.clientId(), output.clientId());
        same(violations, "as_of", expected.asOf(), output.asOf());
        same(violations, "metrics", expected.metrics(), output.metrics());
        same(violations, "goals", expected.goals(), output.goals());
        same(violations, "lifts", expected.lifts(), output.lifts());
        same(violations, "adherence", expected.adherence(), output.adherence());
        same(violations, "insights", expected.insights(), output.insights());
        same(violations, "basis", expected.basis(), output.basis());
        same(violations, "sources", expected.sources(), output.sources());
        if (output.engine() == null || !ENGINES.contains(output.engine())) {
            violations.add("engine must be one of " + ENGINES + ", not " + output.engine());
        }
        if (output.goals() != null) {
            for (var goal : output.goals()) {
                violations.addAll(goalRules(goal));
            }
        }
        Allowed allowed = allowed(expected);
        violations.addAll(textRules("narrative", output.narrative(), allowed));
        violations.addAll(textRules("motivation", output.motivation(), allowed));
        return violations;
    }

    private static void same(List<String> violations, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            violations.add(field + " must be exactly the engine's computed " + field + "; only narrative and "
                    + "motivation may be rewritten");
        }
    }

    static List<String> goalRules(ProgressReport.GoalForecast goal) {
        List<String> violations = new ArrayList<>();
        String where = "goals[" + goal.metric() + "]";
        if (!STATUSES.contains(goal.status())) {
            violations.add(where + ".status must be one of " + STATUSES + ", not " + goal.status());
            return violations;
        }
        boolean dated = goal.status().equals("on_track") || goal.status().equals("insufficient_data");
        if (!dated && goal.eta() != null) {
            violations.add(where + " has status " + goal.status() + " and must have no ETA");
        }
        if (goal.status().equals("on_track") && (goal.eta() == null || !"measured_trend".equals(goal.eta().basis()))) {
            violations.add(where + " is on_track and needs an ETA from the measured trend");
        }
        if (goal.eta() != null && (goal.eta().earliest().isAfter(goal.eta().expected())
                || goal.eta().expected().isAfter(goal.eta().latest()))) {
            violations.add(where + ".eta must satisfy earliest ≤ expected ≤ latest");
        }
        return violations;
    }

    static List<String> textRules(String field, String text, Allowed allowed) {
        List<String> violations = new ArrayList<>();
        if (text == null || text.isBlank()) {
            violations.add(field + " must be a non-empty text");
            return violations;
        }
        Matcher dates = DATE.matcher(text);
        while (dates.find()) {
            if (!allowed.dates().contains(dates.group())) {
                violations.add(field + " states the date " + dates.group() + ", which is not in the report");
            }
        }
        Matcher numbers = NUMBER.matcher(DATE.matcher(text).replaceAll(" "));
        while (numbers.find()) {
            String token = numbers.group().replace(',', '.');
            double value = Math.abs(Double.parseDouble(token));
            int decimals = token.contains(".") ? token.length() - token.indexOf('.') - 1 : 0;
            if (!allowed.matches(value, decimals)) {
                violations.add(field + " states the number " + numbers.group() + ", which is not one of the "
                        + "engine's numbers (use the report's figures only)");
            }
        }
        return violations;
    }

    /** The numbers and dates a text may state. */
    record Allowed(List<Double> numbers, Set<String> dates) {

        boolean matches(double value, int decimals) {
            double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
            for (double allowed : numbers) {
                if (Math.abs(value - allowed) <= tolerance) {
                    return true;
                }
            }
            return false;
        }
    }

    static Allowed allowed(ProgressReport report) {
        List<Double> numbers = new ArrayList<>();
        Set<String> dates = new HashSet<>();
        for (double n : METHOD_NUMBERS) {
            numbers.add(n);
        }
        collect(JSON.valueToTree(report), numbers, dates);
        if (report.goals() != null && report.asOf() != null) {
            for (var goal : report.goals()) {
                if (goal.eta() != null) {
                    for (LocalDate date : List.of(goal.eta().earliest(), goal.eta().expected(), goal.eta().latest())) {
                        long days = ChronoUnit.DAYS.between(report.asOf(), date);
                        numbers.add(days / 7.0);
                        numbers.add((double) days);
                        numbers.add(days / 30.44);
                    }
                }
                numbers.add(Math.abs(goal.current() - goal.target()));
            }
        }
        return new Allowed(numbers, dates);
    }

    private static void collect(JsonNode node, List<Double> numbers,
                                Set<String> dates) {
        if (node.isNumber()) {
            double value = Math.abs(node.asDouble());
            numbers.add(value);
            if (value <= 1) {
                numbers.add(value * 100); // a rate such as 0.8 completed reads as 80%
            }
        } else if (node.isTextual()) {
            Matcher date = DATE.matcher(node.asText());
            while (date.find()) {
                dates.add(date.group());
            }
            if (node.asText().length() <= 10) {
                return;
            }
            Matcher number = NUMBER.matcher(DATE.matcher(node.asText()).replaceAll(" "));
            while (number.find()) {
                numbers.add(Math.abs(Double.parseDouble(number.group().replace(',', '.'))));
            }
        } else {
            for (var child : node) {
                collect(child, numbers, dates);
            }
        }
    }
}
