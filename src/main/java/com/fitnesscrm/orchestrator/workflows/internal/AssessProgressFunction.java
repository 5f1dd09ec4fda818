package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code assess_progress}: whether a client's plan should change, by rules over the Progress Monitor's report, and
 * which change. The first rule that holds decides:
 * <ol>
 *   <li>a lift has stalled (no new best e1RM in four weeks) → {@code deload}, as the report itself suggests;</li>
 *   <li>the dropout risk is red (no-shows, no session or no measurement in two weeks) → {@code volume} down: fewer,
 *       shorter sessions the client can keep;</li>
 *   <li>a goal moves the wrong way or will miss its date (off track) → {@code volume} up;</li>
 *   <li>a goal or a measured metric is on a plateau → {@code rep_range}: a new stimulus at the same volume;</li>
 *   <li>otherwise → {@code none}.</li>
 * </ol>
 * Stalled lifts come first because training harder on a stalled lift deepens the stall; low attendance before the
 * trend because a plan the client does not attend cannot be judged by its results.
 */
@Component
class AssessProgressFunction implements WorkflowFunction {

    static final String DELOAD = "deload";
    static final String REP_RANGE = "rep_range";
    static final String VOLUME = "volume";
    static final String NONE = "none";

    @Override
    public String name() {
        return "assess_progress";
    }

    @Override
    public String description() {
        return "Takes {report} (the Progress Monitor's) and decides by rules whether the plan changes: "
                + "{adjust, adjustment: deload|rep_range|volume|none, direction, reason, signals, progress}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        JsonNode report = FunctionInputs.requiredObject(input, "report");
        List<String> stalled = new ArrayList<>();
        for (JsonNode lift : report.path("lifts")) {
            if (lift.path("stalled").asBoolean(false)) {
                stalled.add(lift.path("exercise").asText());
            }
        }
        JsonNode adherence = report.path("adherence");
        boolean red = "red".equals(adherence.path("risk").asText());
        List<String> offTrack = new ArrayList<>();
        List<String> plateaus = new ArrayList<>();
        for (JsonNode goal : report.path("goals")) {
            String status = goal.path("status").asText();
            String what = goal.path("metric").asText() + " " + FunctionInputs.number(goal.path("target").asDouble())
                    + " " + goal.path("unit").asText("");
            if (status.equals("wrong_direction") || (status.equals("on_track")
                    && goal.path("meets_by_date").isBoolean() && !goal.path("meets_by_date").asBoolean())) {
                offTrack.add(what.strip());
            } else if (status.equals("plateau")) {
                plateaus.add(what.strip());
            }
        }
        report.path("metrics").fields().forEachRemaining(metric -> {
            if (metric.getValue().path("plateau").asBoolean(false) && plateaus.stream()
                    .noneMatch(goal -> goal.startsWith(metric.getKey() + " "))) {
                plateaus.add(metric.getKey());
            }
        });

        ObjectNode output = FunctionInputs.objectNode();
        List<String> signals = new ArrayList<>();
        stalled.forEach(lift -> signals.add("stalled lift: " + lift));
        if (red) {
            signals.add("dropout risk red");
        }
        offTrack.forEach(goal -> signals.add("off track: " + goal));
        plateaus.forEach(what -> signals.add("plateau: " + what));
        if (!stalled.isEmpty()) {
            decide(output, DELOAD, null, String.join(", ", stalled) + (stalled.size() == 1 ? " has" : " have")
                    + " made no new best in four weeks: a lighter week (a deload) lets the client recover before "
                    + "progressing again.");
        } else if (red) {
            List<String> reasons = new ArrayList<>();
            adherence.path("reasons").forEach(reason -> reasons.add(reason.asText()));
            decide(output, VOLUME, "down", "The client is at risk of dropping out (" + String.join(" ", reasons)
                    .strip() + "): fewer, shorter sessions are easier to keep.");
        } else if (!offTrack.isEmpty()) {
            decide(output, VOLUME, "up", "The client is off track for " + String.join(", ", offTrack)
                    + " while attending: more training volume moves the trend.");
        } else if (!plateaus.isEmpty()) {
            decide(output, REP_RANGE, null, "The trend is flat (" + String.join(", ", plateaus) + "): a change of "
                    + "rep range gives a new stimulus at the same volume.");
        } else {
            output.put("adjust", false);
            output.put("adjustment", NONE);
            output.putNull("direction");
            output.put("reason", report.path("goals").isEmpty() && report.path("lifts").isEmpty()
                    ? "The report has no goal or lift to judge by: the plan stays as it is."
                    : "The client is on track, with no plateau or stalled lift: the plan stays as it is.");
        }
        output.set("signals", FunctionInputs.JSON.arrayNode().addAll(signals.stream()
                .map(FunctionInputs.JSON::textNode).toList()));
        output.put("progress", progress(report));
        return output;
    }

    private static void decide(ObjectNode output, String adjustment, String direction, String reason) {
        output.put("adjust", true);
        output.put("adjustment", adjustment);
        if (direction == null) {
            output.putNull("direction");
        } else {
            output.put("direction", direction);
        }
        output.put("reason", reason);
    }

    /** One or two sentences on the report, for the trainer: the first goal (or metric) and the attendance. */
    static String progress(JsonNode report) {
        List<String> sentences = new ArrayList<>();
        JsonNode goal = report.path("goals").path(0);
        if (goal.isObject()) {
            String metric = goal.path("metric").asText();
            String unit = goal.path("unit").asText("");
            JsonNode trend = report.path("metrics").path(metric);
            String rate = trend.path("weekly_rate").isNumber() ? ", changing "
                    + FunctionInputs.number(trend.path("weekly_rate").asDouble()) + " " + unit + " a week" : "";
            String eta = goal.path("eta").path("expected").isTextual() ? " (expected "
                    + goal.path("eta").path("expected").asText() + ")" : "";
            sentences.add(capital(metric) + " is at " + FunctionInputs.number(goal.path("current").asDouble())
                    + " " + unit + rate + "; the goal of " + FunctionInputs.number(goal.path("target").asDouble())
                    + " " + unit + " is " + goal.path("status").asText().replace('_', ' ') + eta + ".");
        } else if (report.path("metrics").fields().hasNext()) {
            var metric = report.path("metrics").fields().next();
            sentences.add(capital(metric.getKey()) + " is at "
                    + FunctionInputs.number(metric.getValue().path("current_trend").asDouble()) + " "
                    + metric.getValue().path("unit").asText("") + ".");
        } else {
            sentences.add("No measurements to judge the trend by.");
        }
        JsonNode adherence = report.path("adherence");
        if (adherence.isObject()) {
            sentences.add(adherence.path("completed").asInt() + " of " + adherence.path("planned").asInt()
                    + " planned sessions completed; dropout risk " + adherence.path("risk").asText() + ".");
        }
        return String.join(" ", sentences).replace("  ", " ");
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1).replace('_', ' ');
    }
}
