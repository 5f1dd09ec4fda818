package com.fitnesscrm.orchestrator.workflows;

import static com.fitnesscrm.orchestrator.workflows.ShippedWorkflowFixtures.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.RunIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorReportService;
import com.fitnesscrm.orchestrator.codeanalysis.Evidence;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionService;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.RunSummary;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicies;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The two shipped workflows end to end, rules only, on a CRM made from the main backend's schema: a trainer's weekly
 * check-in of a client on a plateau (approved, then rejected) and of one on track, and a night-time incident triage
 * with {@code SELF_HEALING=dry_run}, whose remediation waits for an admin. The LLM path is
 * {@code ShippedWorkflowsLlmIT}'s.
 */
class ShippedWorkflowsIT extends RunIntegrationTest {

    /** Client ids no other fixture uses, so that the plans saved here are this test's own. */
    private static final long PLATEAU_CLIENT = 9101;
    private static final long ON_TRACK_CLIENT = 9102;
    /** The CRM's trainer of {@code fitnesscrm/rows.sql}. */
    private static final long TRAINER = 1;

    @Autowired
    private WorkflowRunService workflowRuns;
    @Autowired
    private WorkoutService workouts;
    @Autowired
    private ErrorReportService errors;
    @Autowired
    private SuggestionService suggestions;
    @Autowired
    private SelfHealingPolicy policy;
    @Autowired
    private CrmDirectory directory;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private CrmTables crm;

    @BeforeEach
    void createTheCrm() {
        crm = CrmTables.create(jdbc, directory);
        LocalDate today = LocalDate.now(clock);
        client(PLATEAU_CLIENT, "Paula Plateau");
        client(ON_TRACK_CLIENT, "Otto Ontrack");
        for (int day = 56; day >= 0; day -= 2) {
            // Paula holds at 84 kg (± 0.2) for eight weeks; Otto loses half a kilo a week.
            weighIn(PLATEAU_CLIENT, today.minusDays(day), 84 + (day % 3 - 1) * 0.2);
            weighIn(ON_TRACK_CLIENT, today.minusDays(day), 86 - 0.5 * (56 - day) / 7.0 + (day % 3 - 1) * 0.1);
        }
        for (long client : List.of(PLATEAU_CLIENT, ON_TRACK_CLIENT)) {
            jdbc.update("INSERT INTO goals (client_id, title, category, target_value, target_unit, target_date, "
                    + "status, created_at) VALUES (?, 'Reach 78 kg', 'weight_loss', 78, 'kg', ?, 'active', now())",
                    client, Timestamp.valueOf(today.plusYears(1).atStartOfDay()));
            // Three sessions a week kept with the trainer (Paula at 07:00, Otto at 08:00: the trainer's usual
            // hours), and one booked for the week after next.
            int hour = client == PLATEAU_CLIENT ? 7 : 8;
            for (int week = 8; week >= 1; week--) {
                for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
                    LocalDate date = today.minusWeeks(week).with(TemporalAdjusters.nextOrSame(day));
                    session(client, date.atTime(hour, 0), "completed");
                }
            }
            session(client, today.plusWeeks(2).atTime(hour, 0), "scheduled");
        }
        signInAs("maria", Roles.TRAINER);
    }

    @AfterEach
    void dropTheCrm() {
        jdbc.update("DELETE FROM ai_workout_plans WHERE client_id IN (?, ?)", String.valueOf(PLATEAU_CLIENT),
                String.valueOf(ON_TRACK_CLIENT));
        crm.close();
    }

    @Test
    void a_client_on_a_plateau_gets_a_plan_change_the_trainer_approves_and_sessions_for_next_week() {
        Run run = checkIn(PLATEAU_CLIENT);

        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(run.error()).contains("a trainer");
        PendingApproval pending = workflowRuns.pendingApproval(run.id()).orElseThrow();
        assertThat(pending.role()).isEqualTo("trainer");
        assertThat(pending.details().path("change").asText()).contains("rep");
        assertThat(pending.details().path("reason").asText()).contains("flat").contains("weight");
        assertThat(pending.details().path("plan").path("weeks")).isNotEmpty();
        assertThat(workouts.savedPlans(String.valueOf(PLATEAU_CLIENT))).as("nothing saved before approval")
                .isEmpty();

        workflowRuns.approve(run.id(), "Try it for a month");
        Run done = awaitFinished(runs, run.id());

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.SUCCEEDED);
        List<RunSummary> children = runs.children(run.id());
        assertThat(children).extracting(RunSummary::agentName)
                .containsExactly("Progress Monitor", "Workout Optimizer", "Scheduling Intelligence");
        assertThat(children).allSatisfy(child -> assertThat(child.status()).isEqualTo(RunStatus.SUCCEEDED));
        List<SavedPlan> saved = workouts.savedPlans(String.valueOf(PLATEAU_CLIENT));
        assertThat(saved).singleElement().satisfies(plan -> {
            assertThat(plan.executionId()).as("the optimizer's run").isEqualTo(children.get(1).id());
            assertThat(plan.name()).startsWith("Check-in ");
            assertThat(plan.plan().focusAreas()).contains("strength");
        });
        JsonNode result = done.output().path("result");
        assertThat(result.path("plan_change").asText()).contains("Plan change (rep_range)")
                .contains("approved by maria").contains("Try it for a month").contains("saved");
        assertThat(result.path("sessions")).as("as many as the saved plan has a week")
                .hasSize(saved.get(0).plan().daysPerWeek());
        assertThat(result.path("summary").asText()).contains("Weight").contains("Proposed for next week: ");
        assertThat(workflowRuns.nodes(run.id())).extracting(WorkflowRunService.NodeRecord::nodeId)
                .containsExactly("progress", "assess", "adjust_input", "adjust", "approve_plan", "save_plan",
                        "schedule_input", "schedule", "summary");
    }

    @Test
    void a_client_on_track_keeps_the_plan_without_an_approval_and_still_gets_a_summary_and_sessions() {
        Run run = checkIn(ON_TRACK_CLIENT);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(workflowRuns.pendingApproval(run.id())).isEmpty();
        assertThat(runs.children(run.id())).extracting(RunSummary::agentName)
                .containsExactly("Progress Monitor", "Scheduling Intelligence");
        JsonNode result = run.output().path("result");
        assertThat(result.path("plan_change").asText()).startsWith("No plan change: the client is on track");
        assertThat(result.path("sessions")).as("the scheduler's default count").hasSize(3);
        assertThat(result.path("summary").asText()).contains("on track").contains("Proposed for next week: ");
        assertThat(workouts.savedPlans(String.valueOf(ON_TRACK_CLIENT))).isEmpty();
    }

    @Test
    void a_plan_change_the_trainer_rejects_is_not_saved_and_the_summary_says_so() {
        Run run = checkIn(PLATEAU_CLIENT);
        workflowRuns.reject(run.id(), "Not before her holiday");

        Run done = awaitFinished(runs, run.id());

        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(workouts.savedPlans(String.valueOf(PLATEAU_CLIENT))).isEmpty();
        JsonNode nodes = done.output().path("nodes");
        assertThat(nodes.path("save_plan").path("output").path("saved").asBoolean(true)).isFalse();
        assertThat(done.output().path("result").path("plan_change").asText())
                .contains("rejected by maria").contains("Not before her holiday").contains("not saved");
        assertThat(done.output().path("result").path("sessions")).isNotEmpty();
    }

    @Test
    void an_incident_is_analysed_and_its_dry_run_remediation_waits_for_an_admin_who_approves_it() {
        SelfHealingMode mode = policy.mode();
        int maxPerHour = policy.maxPerHour();
        signInAs("admin", Roles.ADMIN);
        SelfHealingPolicies.use(policy, SelfHealingMode.DRY_RUN, 1000);
        Agent sum = agent(SumAgent.TYPE.code(), "{\"timeout_seconds\": 30}");
        long stuck = stuckRun(sum);
        try {
            JsonNode error = ShippedWorkflowFixtures.keyError(objectMapper);
            ErrorReportService.Reported first = errors.report(error);
            for (int i = 0; i < 4; i++) {
                errors.report(error);
            }
            // The report's own analysis, so that it does not run beside the workflow's.
            assertThat(awaitFinished(runs, first.runId()).status()).isEqualTo(RunStatus.SUCCEEDED);

            Run run = runs.run(RunRequest.forAgent("incident_triage", objectMapper.createObjectNode(), false));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.WAITING);
            assertThat(run.error()).contains("an admin");
            List<RunSummary> children = runs.children(run.id());
            assertThat(children).extracting(RunSummary::agentName).containsExactly("Health Checker", "Code Analyzer");
            JsonNode analysis = run.output().path("nodes").path("analyze").path("output");
            assertThat(analysis.path("error_group").path("fingerprint").asText())
                    .isEqualTo(first.group().fingerprint());
            long suggestionId = analysis.path("suggestion_ids").path(0).asLong();
            assertThat(suggestions.get(suggestionId).description()).isEqualTo(analysis.path("likely_cause").asText());
            assertThat(suggestions.evidence(suggestionId)).extracting(Evidence::runId).contains(children.get(1).id());

            PendingApproval pending = workflowRuns.pendingApproval(run.id()).orElseThrow();
            assertThat(pending.role()).isEqualTo("admin");
            assertThat(pending.details().path("remediations").findValuesAsText("kind")).contains("stuck_run_timeout");
            assertThat(status(stuck)).as("a dry run does nothing").isEqualTo("running");

            signInAs("maria", Roles.TRAINER);
            assertThatThrownBy(() -> workflowRuns.approve(run.id(), "go"))
                    .isInstanceOf(AccessDeniedException.class);
            signInAs("admin", Roles.ADMIN);
            workflowRuns.approve(run.id(), "Time them out");
            Run done = awaitFinished(runs, run.id());

            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(status(stuck)).isEqualTo("timed_out");
            JsonNode result = done.output().path("result");
            assertThat(result.path("suggestion_ids")).contains(analysis.path("suggestion_ids").get(0));
            assertThat(result.path("remediations").asInt()).isPositive();
            assertThat(result.path("summary").asText()).contains("Health: ")
                    .contains("Code Analyzer on '" + first.group().title() + "'")
                    .contains("Approved by admin");
        } finally {
            jdbc.update("UPDATE ai_agent_executions SET status = 'cancelled', completed_at = now() WHERE id = ? "
                    + "AND status IN ('queued', 'running')", stuck);
            SelfHealingPolicies.use(policy, mode, maxPerHour);
        }
    }

    private Run checkIn(long client) {
        return runs.run(RunRequest.forAgent("client_check_in", objectMapper.createObjectNode()
                .put("client_id", client), false));
    }

    private void client(long id, String name) {
        jdbc.update("INSERT INTO clients (id, name, email, age, goals, status, membership_type, start_date, "
                + "created_at) VALUES (?, ?, ?, 41, 'Lose weight', 'active', 'premium', now() - interval '1 year', "
                + "now() - interval '1 year')", id, name, id + "@example.com");
        jdbc.update("INSERT INTO assignments (trainer_id, client_id, status, created_at) VALUES (?, ?, 'active', "
                + "now())", TRAINER, id);
    }

    private void weighIn(long client, LocalDate day, double kg) {
        jdbc.update("INSERT INTO measurements (client_id, measurement_date, weight, weight_unit, created_at) "
                + "VALUES (?, ?, ?, 'kg', ?)", client, Timestamp.valueOf(day.atTime(7, 30)), kg,
                Timestamp.valueOf(day.atTime(7, 35)));
    }

    private void session(long client, LocalDateTime start, String status) {
        jdbc.update("INSERT INTO sessions (trainer_id, client_id, session_date, end_time, duration, session_type, "
                + "status, created_at) VALUES (?, ?, ?, ?, 60, 'personal', ?, now())", TRAINER, client,
                Timestamp.valueOf(start), Timestamp.valueOf(start.plusHours(1)), status);
    }

    /** A run of {@code agent} that has been running for a minute and a half past its 30 s: stuck. */
    private long stuckRun(Agent agent) {
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(120));
        return jdbc.queryForObject("""
                INSERT INTO ai_agent_executions (agent_id, agent_name, task_type, config_version, mode, input_data,
                    requested_by, requester_kind, started_at, status, running_at, attempts)
                VALUES (?, ?, ?, 1, 'sync', '{"numbers": [1, 2]}'::jsonb, 'admin', 'user', ?, 'running', ?, 1)
                RETURNING id""", Long.class, agent.id(), agent.name(), SumAgent.TYPE.code(), then, then);
    }

    private String status(long run) {
        return jdbc.queryForObject("SELECT status FROM ai_agent_executions WHERE id = ?", String.class, run);
    }
}
