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
 * Async runs of a shipped agent in the memory the app has on Railway (README, "Benchmarks"; issue 19: the Procfile's
 * command holds under the async load too). The app runs as the Procfile starts it ({@link ChildApp}), with
 * {@code ASYNC_RUN_THREADS} at {@code benchmark.in-flight} (256, the load), and executes runs of
 * {@code benchmark.agent-type} (Progress Monitor check-ins) on its example input or {@code benchmark.agent-input},
 * each waiting 500 ms on an OpenAI stub in this JVM. The stub answers what the agent's rules gave for that input
 * (taken from a first run that fell back to them), so every run is the LLM's answer, checked and recorded with its
 * steps. After a warm-up, {@code benchmark.async-runs} (12 x in-flight) are submitted by 16 clients as fast as they
 * are taken; it prints the throughput, resident size after start, after the warm-up, at most during the runs and
 * after, the threads, and the collections in them. It fails on a run that did not succeed from the LLM, on a child
 * that exited, on 512 MB resident or more, or on a full collection longer than 200 ms (at 256 in flight about
 * 480 MB at most: docs/decisions/0004, fifth sitting).
 */
class AsyncResidentBenchmark {

    private static final String KEY = "async-resident-benchmark-admin-key-0123456789";
    private static final Path LOGS = Path.of("target", "async-resident-benchmark");

    @Test
    void async_check_ins_with_256_in_flight_stay_within_512_mb() throws Exception {
        int inFlight = Integer.getInteger("benchmark.in-flight", 256);
        int total = Integer.getInteger("benchmark.async-runs", inFlight * 12);
        int warmUp = Integer.getInteger("benchmark.async-warmup-runs", 6000);
        String type = System.getProperty("benchmark.agent-type", "progress_monitoring");
        String input = System.getProperty("benchmark.agent-input",
                AgentExamples.input(type, LocalDate.now()).orElseThrow().toString());
        try (SlowOpenAi llm = SlowOpenAi.start(Duration.ofMillis(500), "not the JSON the agent asks for");
             // fsync on, as RuntimeBenchmark's and production's database.
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(ChildApp.freePort())
                     .setServerConfig("max_connections", "100").setServerConfig("fsync", "on")
                     .setServerConfig("synchronous_commit", "on").start();
             ChildApp app = ChildApp.start(LOGS, postgres.getJdbcUrl("postgres", "postgres"), KEY,
                     Map.of("ASYNC_RUN_THREADS", String.valueOf(inFlight),
                             "DB_POOL_SIZE", String.valueOf(Integer.getInteger("benchmark.pool", 24))),
                     List.of("--orchestrator.llm.api-key=benchmark", "--orchestrator.llm.base-url=" + llm.baseUrl(),
                             // The benchmark's key goes through the rate limiter, with a budget above the load.
                             "--orchestrator.rate-limit.environment-key.per-minute=100000",
                             "--orchestrator.rate-limit.environment-key.burst=100000"))) {
            try {
                long residentAfterStart = app.residentMegabytes();
                JsonNode created = app.call("POST", "/api/agents", KEY, "{\"name\": \"bench-agent\", \"type\": \""
                        + type + "\", \"config\": {\"max_retries\": 0, \"daily_budget_usd\": null, "
                        + "\"cache_ttl_seconds\": 0}}", 201);
                String sync = "{\"agent\": \"bench-agent\", \"mode\": \"sync\", \"input\": " + input + "}";
                // The stub's first answer is not JSON: the run falls back to the rules, whose answer the stub gives
                // from then on.
                JsonNode rules = app.call("POST", "/api/execute", KEY, sync, 200);
                assertThat(rules.path("engine").asText()).as("the first run, %s", rules).isEqualTo("rules");
                llm.answer(rules.get("output").toString());
                System.out.printf(Locale.ROOT, "ASYNC UNDER THE PROCFILE'S COMMAND input %d bytes, the answer the stub "
                        + "gives %d bytes%n", input.length(), rules.get("output").toString().length());
                JsonNode asked = app.call("POST", "/api/execute", KEY, sync, 200);
                assertThat(asked.path("engine").asText()).as("a run once the stub gives the rules' answer, %s", asked)
                        .isEqualTo("llm");

                String async = "{\"agent\": \"bench-agent\", \"mode\": \"async\", \"input\": " + input + "}";
                HttpLoad submit = HttpLoad.of(app.port(), "/api/execute", async, KEY);
                submitAndWait(postgres, submit, warmUp);
                long lastIdBefore = lastRunId(postgres);
                int gcLinesBefore = app.gcLines().size();
                long residentBefore = app.residentMegabytes();
                PeakResident peak = PeakResident.start(app.pid());
                long started = System.nanoTime();
                double submitted = submitAndWait(postgres, submit, total);
                double seconds = (System.nanoTime() - started) / 1e9;
                peak.stop();
                GcLog gc = app.gcSince(gcLinesBefore);
                long[] outcome = outcome(postgres, lastIdBefore);

                System.out.printf(Locale.ROOT, "%nASYNC UNDER THE PROCFILE'S COMMAND %s, environment %s + "
                                + "ASYNC_RUN_THREADS=%d; agent %d (%s), LLM stub 500 ms%n",
                        String.join(" ", ChildApp.START.options()), ChildApp.START.environment(), inFlight,
                        created.get("id").asInt(), type);
                System.out.printf(Locale.ROOT, "ASYNC UNDER THE PROCFILE'S COMMAND %d runs in %.1f s (all submitted "
                                + "after %.1f s): %.0f runs/s, %.0f %% of the ideal %d; %d succeeded from the LLM with "
                                + "steps%n", outcome[0], seconds, submitted, outcome[0] / seconds,
                        100 * outcome[0] / seconds / (inFlight / 0.5), inFlight * 2, outcome[1]);
                app.reportAndCheckMemory("ASYNC UNDER THE PROCFILE'S COMMAND", residentAfterStart, residentBefore,
                        peak, gc);

                assertThat(outcome[0]).as("runs recorded").isEqualTo(total);
                assertThat(outcome[1]).as("runs that succeeded from the LLM with their steps").isEqualTo(total);
            } catch (Throwable failure) {
                app.printLogTail();
                throw failure;
            }
        }
    }

    /**
     * Submits {@code count} async runs from 16 connections and waits until none is open; returns the seconds until
     * the last was accepted.
     */
    private static double submitAndWait(EmbeddedPostgres postgres, HttpLoad submit, int count) throws Exception {
        long started = System.nanoTime();
        RuntimeBenchmark.Result submits = submit.count(16, count);
        double submitted = (System.nanoTime() - started) / 1e9;
        assertThat(submits.errors()).as("submissions not accepted").isZero();
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (openRuns(postgres) > 0) {
            assertThat(System.nanoTime()).as("all runs finished within 5 minutes").isLessThan(end);
            Thread.sleep(20);
        }
        return submitted;
    }

    private static long openRuns(EmbeddedPostgres postgres) throws Exception {
        return ChildApp.twoNumbers(postgres,
                "SELECT count(*), 0 FROM ai_agent_executions WHERE status IN ('queued', 'running')")[0];
    }

    private static long lastRunId(EmbeddedPostgres postgres) throws Exception {
        return ChildApp.twoNumbers(postgres, "SELECT coalesce(max(id), 0), 0 FROM ai_agent_executions")[0];
    }

    /** The runs after {@code lastIdBefore}, and those of them that succeeded from the LLM with steps. */
    private static long[] outcome(EmbeddedPostgres postgres, long lastIdBefore) throws Exception {
        return ChildApp.twoNumbers(postgres, "SELECT count(*), count(*) FILTER (WHERE status = 'succeeded' "
                + "AND engine = 'llm' AND EXISTS (SELECT 1 FROM ai_execution_steps s WHERE s.execution_id = e.id)) "
                + "FROM ai_agent_executions e WHERE id > " + lastIdBefore);
    }
}
