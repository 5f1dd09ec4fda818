package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The functions as the workflow engine calls them: Spring beans, on a thread whose caller may only run agents (as a
 * schedule's), reading and writing through services that allow that.
 */
@IntegrationTest
class WorkflowFunctionsIT {

    /** A client id no fixture uses, so the plans saved here are this test's own. */
    private static final long CLIENT = 918_273;
    /** An agent id no agent has: the approved remediation below imposes nothing on a real agent. */
    private static final int NO_AGENT = 987_654;

    @Autowired
    private List<WorkflowFunction> installed;
    @Autowired
    private CurrentRequester requester;
    @Autowired
    private RunService runs;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper objectMapper;

    private final WorkflowContext context = new WorkflowContext(1, "client_check_in", "schedule:1", "system",
            Instant.now());

    private JsonNode call(String name, JsonNode input) {
        Map<String, WorkflowFunction> byName = installed.stream()
                .collect(Collectors.toMap(WorkflowFunction::name, function -> function));
        return requester.asSchedule(1, () -> byName.get(name).apply(input, context));
    }

    @Test
    void every_function_of_the_shipped_definitions_is_installed() {
        assertThat(installed).extracting(WorkflowFunction::name).contains("assess_progress", "plan_adjustment_input",
                "save_plan", "next_week_scheduling_input", "check_in_summary", "recent_error_groups",
                "plan_remediations", "apply_remediations", "triage_summary");
    }

    @Test
    void an_approved_plan_change_is_made_and_saved_by_a_caller_that_may_only_run_agents() {
        try {
            JsonNode change = call("plan_adjustment_input", json("{\"client_id\": " + CLIENT
                    + ", \"assessment\": {\"adjust\": true, \"adjustment\": \"deload\"}}"));
            TypedRun<WorkoutPlan> plan = requester.asSchedule(1, () -> runs.run(RunRequest.forTaskType(
                    AgentType.WORKOUT_OPTIMIZATION.code(), change.get("input")), WorkoutPlan.class));
            ObjectNode input = objectMapper.createObjectNode();
            input.set("plan", objectMapper.valueToTree(plan.output()));
            input.put("run_id", plan.id());
            input.set("request", change.get("input"));
            input.set("approval", json("{\"decision\": \"approved\", \"by\": \"tom\"}"));

            JsonNode saved = call("save_plan", input);

            assertThat(plan.output().weeks()).as("one lighter week").hasSize(1);
            assertThat(saved.path("saved").asBoolean()).isTrue();
            assertThat(jdbc.queryForObject("SELECT saved_by FROM ai_workout_plans WHERE id = ?", String.class,
                    saved.path("plan_id").asLong())).isEqualTo("schedule:1");
            JsonNode next = call("next_week_scheduling_input", json("{\"client_id\": " + CLIENT + "}"));
            assertThat(next.path("count").asInt()).as("the saved plan's days").isEqualTo(plan.output()
                    .daysPerWeek());
        } finally {
            jdbc.update("DELETE FROM ai_workout_plans WHERE client_id = ?", String.valueOf(CLIENT));
        }
    }

    @Test
    void the_triage_reads_error_groups_and_applies_an_approved_dry_run_without_an_admin_signed_in() {
        Long dryRun = jdbc.queryForObject("INSERT INTO ai_health_remediations (kind, mode, reason, result, agent_id) "
                + "VALUES ('cache_clear', 'dry_run', 'Cached answers failed.', 'Would clear.', ?) RETURNING id",
                Long.class, NO_AGENT);
        try {
            assertThat(call("recent_error_groups", json("{}")).has("any")).isTrue();

            JsonNode applied = call("apply_remediations", json("{\"plan\": {\"remediations\": [{\"id\": " + dryRun
                    + "}]}, \"approval\": {\"decision\": \"approved\", \"by\": \"root\"}}"));

            assertThat(applied.path("applied_count").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT reason FROM ai_health_remediations WHERE mode = 'on' AND "
                    + "agent_id = ?", String.class, NO_AGENT)).endsWith("Approved by root (dry run " + dryRun + ").");
        } finally {
            jdbc.update("DELETE FROM ai_health_remediations WHERE agent_id = ?", NO_AGENT);
        }
    }
}
