package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.AgentExamples;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sync runs at saturation in the memory the app has on Railway (README, "Benchmarks"; issue 19: the Procfile's
 * command holds under the sync load too). The app runs as the Procfile starts it ({@link ChildApp}), with no LLM
 * key, so every run is a shipped agent's rules ({@code benchmark.agent-type}, Progress Monitor check-ins on the
 * example input), recorded with its steps. After {@code benchmark.warmup-seconds} (15) of warm-up, 16 keep-alive
 * connections send runs back to back for {@code benchmark.sync-seconds} (20); it prints the throughput, latency,
 * resident size after start, at most during the load and after, the threads, and the collections in the load. It
 * fails on an answer that is not 200, on a run not recorded as succeeded with steps, on a child that exited, on
 * 512 MB resident or more, or on a full collection longer than 200 ms.
 */
class SyncResidentBenchmark {

    private static final String KEY = "sync-resident-benchmark-admin-key-0123456789";
    private static final Path LOGS = Path.of("target", "sync-resident-benchmark");

    @Test
    void sync_check_ins_at_saturation_stay_within_512_mb() throws Exception {
        String type = System.getProperty("benchmark.agent-type", "progress_monitoring");
        String input = System.getProperty("benchmark.agent-input",
                AgentExamples.input(type, LocalDate.now()).orElseThrow().toString());
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmup-seconds", 15));
        Duration measured = Duration.ofSeconds(Integer.getInteger("benchmark.sync-seconds", 20));
        // fsync on, as RuntimeBenchmark's and production's database.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(ChildApp.freePort())
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
             ChildApp app = ChildApp.start(LOGS, postgres.getJdbcUrl("postgres", "postgres"), KEY, Map.of(),
                     // Tens of thousands of runs a minute on one key: more than any rate limit can be set to.
                     List.of("--orchestrator.llm.api-key=", "--orchestrator.rate-limit.enabled=false"))) {
            try {
                long residentAfterStart = app.residentMegabytes();
                app.call("POST", "/api/agents", KEY, "{\"name\": \"bench-agent\", \"type\": \"" + type + "\", "
                        + "\"config\": {\"max_retries\": 0, \"daily_budget_usd\": null, \"cache_ttl_seconds\": 0}}",
                        201);
                String sync = "{\"agent\": \"bench-agent\", \"mode\": \"sync\", \"input\": " + input + "}";
                JsonNode first = app.call("POST", "/api/execute", KEY, sync, 200);
                assertThat(first.path("status").asText()).as("the first run, %s", first).isEqualTo("succeeded");
                HttpLoad execute = HttpLoad.of(app.port(), "/api/execute", sync, KEY);
                assertThat(execute.saturated(16, warmUp).errors()).as("warm-up answers that were not 200").isZero();

                long lastIdBefore = ChildApp.twoNumbers(postgres,
                        "SELECT coalesce(max(id), 0), 0 FROM ai_agent_executions")[0];
                int gcLinesBefore = app.gcLines().size();
                long residentBefore = app.residentMegabytes();
                PeakResident peak = PeakResident.start(app.pid());
                RuntimeBenchmark.Result load = execute.saturated(16, measured);
                peak.stop();
                GcLog gc = app.gcSince(gcLinesBefore);
                long[] outcome = ChildApp.twoNumbers(postgres, "SELECT count(*), count(*) FILTER (WHERE "
                        + "status = 'succeeded' AND EXISTS (SELECT 1 FROM ai_execution_steps s "
                        + "WHERE s.execution_id = e.id)) FROM ai_agent_executions e WHERE id > " + lastIdBefore);

                System.out.printf(Locale.ROOT, "%nSYNC UNDER THE PROCFILE'S COMMAND %s, environment %s; agent %s "
                                + "(rules, no LLM key), %d bytes in, %d bytes out%n",
                        String.join(" ", ChildApp.START.options()), ChildApp.START.environment(), type,
                        input.length(), first.path("output").toString().length());
                System.out.printf(Locale.ROOT, "SYNC UNDER THE PROCFILE'S COMMAND 16 connections for %d s: %.0f "
                                + "runs/s, %s; %d recorded, %d succeeded with steps%n", measured.toSeconds(),
                        load.perSecond(), load.summary(), outcome[0], outcome[1]);
                app.reportAndCheckMemory("SYNC UNDER THE PROCFILE'S COMMAND", residentAfterStart, residentBefore,
                        peak, gc);

                assertThat(load.errors()).as("answers that were not 200").isZero();
                assertThat(outcome[0]).as("runs recorded").isEqualTo(load.count());
                assertThat(outcome[1]).as("runs that succeeded with their steps").isEqualTo(load.count());
            } catch (Throwable failure) {
                app.printLogTail();
                throw failure;
            }
        }
    }
}
