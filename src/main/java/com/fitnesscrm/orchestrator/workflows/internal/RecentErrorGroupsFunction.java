package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisInputReader;
import com.fitnesscrm.orchestrator.codeanalysis.RecentErrorGroups;
import com.fitnesscrm.orchestrator.codeanalysis.StoredErrorGroup;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code recent_error_groups}: the error groups the main backend reported in the last hour (or {@code minutes}),
 * the most frequent first, and the Code Analyzer's input for the first of them. The Code Analyzer takes one error
 * per run: its {@code {log}} shape would take several, but counts each again as a new occurrence, so the group's own
 * trace goes in as an error already counted ({@code error_group_counted}), which it explains and stores as a
 * suggestion without changing the group's counts. {@code any} is false in a quiet hour, for the definition to
 * branch on.
 */
@Component
class RecentErrorGroupsFunction implements WorkflowFunction {

    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 24 * 60;
    static final int LIMIT = 20;

    private final RecentErrorGroups errors;

    RecentErrorGroupsFunction(RecentErrorGroups errors) {
        this.errors = errors;
    }

    @Override
    public String name() {
        return "recent_error_groups";
    }

    @Override
    public String description() {
        return "Takes {minutes?} (default 60) and gives {any, count, groups, analysis_input (the Code Analyzer's, "
                + "for the most frequent group), message}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        int minutes = DEFAULT_MINUTES;
        if (FunctionInputs.present(input, "minutes")) {
            JsonNode node = input.get("minutes");
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > MAX_MINUTES) {
                throw new InvalidInputException("minutes", "'minutes' must be a whole number from 1 to "
                        + MAX_MINUTES + ".");
            }
            minutes = node.asInt();
        }
        List<RecentErrorGroups.Seen> seen = errors.within(Duration.ofMinutes(minutes), context.now(), LIMIT).stream()
                .sorted(Comparator.comparingLong(RecentErrorGroups.Seen::recentOccurrences).reversed()).toList();
        ObjectNode output = FunctionInputs.objectNode();
        output.put("any", !seen.isEmpty());
        output.put("count", seen.size());
        output.put("minutes", minutes);
        ArrayNode groups = output.putArray("groups");
        for (RecentErrorGroups.Seen item : seen) {
            StoredErrorGroup group = item.group();
            groups.addObject().put("id", group.id()).put("title", group.title())
                    .put("exception_type", group.exceptionType()).put("recent_occurrences", item.recentOccurrences())
                    .put("occurrences", group.count()).put("last_seen", String.valueOf(group.lastSeen()))
                    .put("likely_cause", group.likelyCause()).put("suggested_fix", group.suggestedFix());
        }
        if (seen.isEmpty()) {
            output.putNull("analysis_input");
            output.put("message", "No error group was seen in the last " + minutes + " minutes.");
            return output;
        }
        StoredErrorGroup top = seen.get(0).group();
        ObjectNode analysis = output.putObject("analysis_input");
        analysis.put("error", top.title());
        analysis.put("stack_trace", top.sampleTrace() == null ? "" : top.sampleTrace());
        if (top.exceptionType() != null) {
            analysis.put("type", top.exceptionType());
        }
        analysis.put(CodeAnalysisInputReader.COUNTED, true);
        output.put("message", seen.size() + " error group(s) seen in the last " + minutes + " minutes; the most "
                + "frequent, '" + top.title() + "', goes to the Code Analyzer.");
        return output;
    }
}
