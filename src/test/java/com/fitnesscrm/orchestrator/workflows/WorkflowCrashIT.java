package com.fitnesscrm.orchestrator.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fitnesscrm.orchestrator.ChildApps;
import com.fitnesscrm.orchestrator.workflows.testfunctions.QueueWorkflowsOnStart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Workflow runs survive their node: the app (a separate JVM, see {@link QueueWorkflowsOnStart}) queues workflow runs
 * and is SIGKILLed while their slow middle node runs; the next app goes on from each run's last checkpoint, so the
 * node before is not run again, and the runs stop at their approval. That app is stopped and a third one started: the
 * approvals are still there, an admin's key approves them over REST, and the runs finish.
 */
class WorkflowCrashIT {

    private static final int RUNS = 3;
    private static final String ADMIN_KEY = "admin-key-for-tests-0123456789abcdef";

    private ChildApps apps;

    @Test
    void a_workflow_killed_mid_node_goes_on_from_its_checkpoint_and_its_approval_survives_a_restart()
            throws Throwable {
        apps = new ChildApps("workflow-crash-test");
        try {
            Process first = apps.start("first", "--crash-test.workflows=" + RUNS);
            await("every run in its slow node").atMost(ChildApps.STARTUP).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(first);
                        // A rules-only child run is written once it ends: a run inside its slow node shows by
                        // the checkpoint before it.
                        return count("SELECT count(DISTINCT execution_id) FROM ai_workflow_checkpoints "
                                + "WHERE next_node_id = 'slow'") == RUNS;
                    });
            Thread.sleep(1000); // into the slow node, well before its end
            assertThat(count("SELECT count(*) FROM ai_agent_executions WHERE input_data ->> 'millis' = '"
                    + QueueWorkflowsOnStart.SLOW_MILLIS + "'")).as("no slow node has finished").isZero();
            first.destroyForcibly(); // SIGKILL: no shutdown hook
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

            List<Long> workflowRuns = ids("SELECT id FROM ai_agent_executions WHERE agent_name = '"
                    + QueueWorkflowsOnStart.WORKFLOW + "' ORDER BY id");
            assertThat(workflowRuns).hasSize(RUNS);
            for (long run : workflowRuns) {
                assertThat(text("SELECT next_node_id FROM ai_workflow_checkpoints WHERE execution_id = " + run
                        + " ORDER BY id DESC LIMIT 1")).as("run %d checkpointed before its slow node", run)
                        .isEqualTo("slow");
            }

            Process second = apps.start("second");
            apps.awaitReady(second);
            await("every run waits for its approval").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(second);
                        return count("SELECT count(*) FROM ai_agent_executions WHERE agent_name = '"
                                + QueueWorkflowsOnStart.WORKFLOW + "' AND status = 'waiting'") == RUNS;
                    });
            for (long run : workflowRuns) {
                assertThat(children(run, 100)).as("run %d's first node ran once, before the crash", run).isEqualTo(1);
                assertThat(children(run, QueueWorkflowsOnStart.SLOW_MILLIS, "succeeded"))
                        .as("run %d's slow node finished once, after the restart", run).isEqualTo(1);
                assertThat(children(run, 101)).isEqualTo(1);
                assertThat(count("SELECT count(*) FROM ai_execution_steps WHERE execution_id = " + run
                        + " AND name = 'checkpoint' AND output_summary = 'going on from node ''slow'''"))
                        .as("run %d says where it went on from", run).isEqualTo(1);
            }

            second.destroy(); // a graceful stop, then a new node: the approvals are in the database only
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
            Process third = apps.start("third");
            apps.awaitReady(third);
            HttpClient http = HttpClient.newHttpClient();
            for (long run : workflowRuns) {
                HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + apps.port(third) + "/api/executions/" + run + "/approve"))
                        .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"after the restart\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
            }
            await("every run finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        ChildApps.requireAlive(third);
                        return count("SELECT count(*) FROM ai_agent_executions WHERE agent_name = '"
                                + QueueWorkflowsOnStart.WORKFLOW + "' AND status = 'succeeded'") == RUNS;
                    });
            for (long run : workflowRuns) {
                assertThat(children(run, 102)).isEqualTo(1);
                assertThat(text("SELECT decided_by || ': ' || note FROM ai_workflow_approvals WHERE execution_id = "
                        + run)).isEqualTo("admin-environment: after the restart");
                assertThat(count("SELECT count(*) FROM ai_workflow_checkpoints WHERE execution_id = " + run))
                        .as("a finished run's checkpoints are released").isZero();
            }
        } catch (Throwable failure) {
            apps.printLogs();
            throw failure;
        }
    }

    @AfterEach
    void leaveNoProcessBehind() throws Exception {
        if (apps != null) {
            apps.close();
        }
    }

    private long children(long parent, long millis) throws Exception {
        return count("SELECT count(*) FROM ai_agent_executions WHERE parent_id = " + parent
                + " AND input_data ->> 'millis' = '" + millis + "'");
    }

    private long children(long parent, long millis, String status) throws Exception {
        return count("SELECT count(*) FROM ai_agent_executions WHERE parent_id = " + parent
                + " AND input_data ->> 'millis' = '" + millis + "' AND status = '" + status + "'");
    }

    private long count(String sql) throws Exception {
        try (Connection connection = apps.database(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String text(String sql) throws Exception {
        try (Connection connection = apps.database(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private List<Long> ids(String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = apps.database(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
