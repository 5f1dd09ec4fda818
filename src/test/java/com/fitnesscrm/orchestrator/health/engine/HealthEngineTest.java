package com.fitnesscrm.orchestrator.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that turn one check's numbers into healthy, warning or critical. */
class HealthEngineTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final long GB = 1024L * 1024 * 1024;
    private static final HealthReadings.Thresholds THRESHOLDS = new HealthReadings.Thresholds(0.05, 0.20,
            Duration.ofSeconds(15), Duration.ofSeconds(27), 0.99, 5);

    private final HealthEngine engine = new HealthEngine();

    /** A system where everything is fine; each test breaks one thing. */
    private static final class Readings {
        HealthReadings.Database database = new HealthReadings.Database(true, null, Duration.ofMillis(2), 1, 4, 0, 10,
                null);
        HealthReadings.Jvm jvm = new HealthReadings.Jvm(100 * 1024 * 1024, GB, 0.01, 40, Duration.ofHours(3));
        List<HealthReadings.Disk> disks = List.of(new HealthReadings.Disk("/data", 50 * GB, 100 * GB, null));
        HealthReadings.Scheduler scheduler = new HealthReadings.Scheduler(true, true, 1, 0, List.of(
                new HealthReadings.Job("abandoned-run-reaper", Duration.ofMinutes(1), NOW.minusSeconds(30),
                        NOW.minus(Duration.ofDays(1)), "NORMAL")), null);
        HealthReadings.RunEngine runEngine = new HealthReadings.RunEngine(0, null, 0, 0, 0, null);
        HealthReadings.Llm llm = new HealthReadings.Llm(false, null, "DISABLED", 0, 0, 0, 0, null, null, null,
                List.of(), null);
        HealthReadings.MainBackend mainBackend;
        HealthReadings.Crm crm = new HealthReadings.Crm(true, List.of("clients", "sessions"), List.of(),
                Duration.ofMillis(3), null);
        List<HealthReadings.Agent> agents = List.of(agent("Workout Optimizer", new Window(100, 0, 0,
                Duration.ofSeconds(2))));

        HealthReadings build() {
            return new HealthReadings(NOW, database, jvm, disks, scheduler, runEngine, llm, mainBackend, crm, agents,
                    null);
        }
    }

    private static HealthReadings.Agent agent(String name, Window everyWindow) {
        return new HealthReadings.Agent(name, "workout_optimization", true, THRESHOLDS, Duration.ofSeconds(30),
                everyWindow, everyWindow, everyWindow, everyWindow, everyWindow);
    }

    private static HealthReadings.Agent agent(Window hour, Window fiveMinutes, Window sixHours, Window thirtyMinutes) {
        return new HealthReadings.Agent("Progress Monitor", "progress_monitoring", true, THRESHOLDS,
                Duration.ofSeconds(30), hour, hour, fiveMinutes, thirtyMinutes, sixHours);
    }

    private HealthReport evaluate(Readings readings) {
        return engine.evaluate(readings.build(), HealthLimits.DEFAULTS);
    }

    private ComponentHealth component(Readings readings, String name) {
        return evaluate(readings).component(name).orElseThrow();
    }

    @Test
    void a_system_where_everything_is_fine_is_healthy_in_every_component_in_the_fixed_order() {
        HealthReport report = evaluate(new Readings());

        assertThat(report.overall()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.components()).extracting(ComponentHealth::component)
                .containsExactly("database", "jvm", "disk", "scheduler", "run_engine", "llm", "crm", "agents", "slo");
        assertThat(report.components()).allSatisfy(c -> assertThat(c.status()).isEqualTo(HealthStatus.HEALTHY));
        assertThat(report.recommendations()).isEmpty();
    }

    @Test
    void the_overall_status_is_the_worst_component() {
        Readings readings = new Readings();
        readings.disks = List.of(new HealthReadings.Disk("/data", 10 * GB, 100 * GB, null));
        assertThat(evaluate(readings).overall()).isEqualTo(HealthStatus.WARNING);

        readings.database = new HealthReadings.Database(false, "Connection refused", null, 0, 0, 0, 10, NOW);
        assertThat(evaluate(readings).overall()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void a_database_that_does_not_answer_is_critical_and_a_person_is_told_to_check_it() {
        Readings readings = new Readings();
        readings.database = new HealthReadings.Database(false, "Connection refused", null, 0, 0, 0, 10, NOW);

        HealthReport report = evaluate(readings);

        ComponentHealth database = report.component("database").orElseThrow();
        assertThat(database.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(database.message()).contains("does not answer").contains("Connection refused");
        assertThat(database.metrics()).containsEntry("last_failed_connection", NOW.toString());
        assertThat(report.recommendations()).anySatisfy(r -> assertThat(r).contains("PostgreSQL"));
    }

    @Test
    void an_exhausted_pool_is_critical_a_pool_eight_tenths_in_use_a_warning() {
        Readings readings = new Readings();
        readings.database = new HealthReadings.Database(true, null, Duration.ofMillis(3), 10, 0, 4, 10, null);
        ComponentHealth exhausted = component(readings, "database");
        assertThat(exhausted.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(exhausted.message()).contains("exhausted").contains("4 request(s) wait");
        assertThat(exhausted.metrics()).containsEntry("pool_saturation", 1.0).containsEntry("pool_waiting", 4);

        readings.database = new HealthReadings.Database(true, null, Duration.ofMillis(3), 8, 2, 0, 10, null);
        assertThat(component(readings, "database").status()).isEqualTo(HealthStatus.WARNING);

        readings.database = new HealthReadings.Database(true, null, Duration.ofMillis(3), 7, 3, 0, 10, null);
        assertThat(component(readings, "database").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void free_disk_below_15_percent_is_a_warning_and_below_5_percent_critical() {
        Readings readings = new Readings();
        readings.disks = List.of(new HealthReadings.Disk("/data", 16 * GB, 100 * GB, null));
        assertThat(component(readings, "disk").status()).isEqualTo(HealthStatus.HEALTHY);

        readings.disks = List.of(new HealthReadings.Disk("/data", 14 * GB, 100 * GB, null));
        assertThat(component(readings, "disk").status()).isEqualTo(HealthStatus.WARNING);

        readings.disks = List.of(new HealthReadings.Disk("/data", 50 * GB, 100 * GB, null),
                new HealthReadings.Disk("/logs", 4 * GB, 100 * GB, null));
        HealthReport report = evaluate(readings);
        assertThat(report.component("disk").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(report.component("disk").orElseThrow().message()).contains("/logs").doesNotContain("/data");
        assertThat(report.recommendations()).anySatisfy(r -> assertThat(r).contains("/logs").contains("4.0 % left"));
    }

    @Test
    void disk_thresholds_can_be_configured() {
        Readings readings = new Readings();
        readings.disks = List.of(new HealthReadings.Disk("/data", 50 * GB, 100 * GB, null));

        HealthReport report = engine.evaluate(readings.build(), HealthLimits.DEFAULTS.withDisk(60, 55));

        assertThat(report.component("disk").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void a_job_that_has_not_run_for_two_of_its_intervals_is_critical() {
        Readings readings = new Readings();
        readings.scheduler = scheduler(new HealthReadings.Job("reaper", Duration.ofMinutes(1), NOW.minusSeconds(110),
                NOW.minus(Duration.ofDays(1)), "NORMAL"));
        assertThat(component(readings, "scheduler").status()).isEqualTo(HealthStatus.HEALTHY);

        readings.scheduler = scheduler(new HealthReadings.Job("reaper", Duration.ofMinutes(1), NOW.minusSeconds(130),
                NOW.minus(Duration.ofDays(1)), "PAUSED"));
        HealthReport report = evaluate(readings);
        ComponentHealth scheduler = report.component("scheduler").orElseThrow();
        assertThat(scheduler.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(scheduler.message()).contains("reaper").contains("has not run for 2 min");
        assertThat(report.recommendations()).anySatisfy(r -> assertThat(r).contains("reaper").contains("PAUSED"));
    }

    @Test
    void a_job_that_never_fired_is_judged_from_when_it_was_scheduled() {
        Readings readings = new Readings();
        readings.scheduler = scheduler(new HealthReadings.Job("new", Duration.ofMinutes(5), null,
                NOW.minusSeconds(60), "NORMAL"));
        assertThat(component(readings, "scheduler").status()).isEqualTo(HealthStatus.HEALTHY);

        readings.scheduler = scheduler(new HealthReadings.Job("new", Duration.ofMinutes(5), null,
                NOW.minus(Duration.ofMinutes(11)), "NORMAL"));
        assertThat(component(readings, "scheduler").status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    void a_stopped_scheduler_is_critical_and_one_that_is_not_clustered_a_warning() {
        Readings readings = new Readings();
        readings.scheduler = new HealthReadings.Scheduler(false, true, 1, 0, List.of(), null);
        assertThat(component(readings, "scheduler").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.scheduler = new HealthReadings.Scheduler(true, false, 1, 0, List.of(), null);
        assertThat(component(readings, "scheduler").status()).isEqualTo(HealthStatus.WARNING);
    }

    private static HealthReadings.Scheduler scheduler(HealthReadings.Job job) {
        return new HealthReadings.Scheduler(true, true, 1, 0, List.of(job), null);
    }

    @Test
    void heap_full_after_garbage_collection_is_critical_though_a_full_heap_before_it_is_not_measured_here() {
        Readings readings = new Readings();
        readings.jvm = new HealthReadings.Jvm((long) (0.96 * GB), GB, 0.01, 40, Duration.ofHours(3));
        assertThat(component(readings, "jvm").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.jvm = new HealthReadings.Jvm((long) (0.86 * GB), GB, 0.01, 40, Duration.ofHours(3));
        assertThat(component(readings, "jvm").status()).isEqualTo(HealthStatus.WARNING);

        readings.jvm = new HealthReadings.Jvm((long) (0.5 * GB), GB, 0.30, 40, Duration.ofHours(3));
        assertThat(component(readings, "jvm").message()).contains("Garbage collection took 30.0 %");
    }

    @Test
    void an_async_run_waiting_fifteen_minutes_is_critical_five_minutes_a_warning() {
        Readings readings = new Readings();
        readings.runEngine = new HealthReadings.RunEngine(3, Duration.ofMinutes(6), 1, 0, 0, null);
        assertThat(component(readings, "run_engine").status()).isEqualTo(HealthStatus.WARNING);

        readings.runEngine = new HealthReadings.RunEngine(3, Duration.ofMinutes(15), 1, 0, 0, null);
        assertThat(component(readings, "run_engine").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.runEngine = new HealthReadings.RunEngine(3, Duration.ofSeconds(2), 1, 0, 2, null);
        assertThat(component(readings, "run_engine").message()).contains("2 async run(s) of a stopped node");
    }

    @Test
    void no_llm_configured_is_healthy_because_rules_only_is_a_supported_mode() {
        ComponentHealth llm = component(new Readings(), "llm");

        assertThat(llm.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(llm.message()).contains("No LLM provider is configured");
        assertThat(llm.metrics()).containsEntry("configured", false);
    }

    @Test
    void an_open_circuit_or_half_the_calls_failing_is_critical_a_fifth_a_warning() {
        Readings readings = new Readings();
        readings.llm = llm("OPEN", 10, 0, 0, 0);
        assertThat(component(readings, "llm").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.llm = llm("CLOSED", 10, 5, 0, 0);
        assertThat(component(readings, "llm").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.llm = llm("CLOSED", 10, 2, 0, 0);
        assertThat(component(readings, "llm").status()).isEqualTo(HealthStatus.WARNING);

        // Too few calls to judge a rate by.
        readings.llm = llm("CLOSED", 4, 2, 0, 0);
        assertThat(component(readings, "llm").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void a_refused_key_is_critical_and_left_to_a_person() {
        Readings readings = new Readings();
        readings.llm = llm("CLOSED", 2, 2, 0, 2);

        HealthReport report = evaluate(readings);

        assertThat(report.component("llm").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(report.recommendations()).anySatisfy(r -> assertThat(r).contains("OPENAI_API_KEY"));
    }

    @Test
    void rate_limiting_and_a_spent_budget_are_warnings() {
        Readings readings = new Readings();
        readings.llm = llm("CLOSED", 20, 3, 3, 0);
        assertThat(component(readings, "llm").message()).contains("rate-limited (429)");

        readings.llm = new HealthReadings.Llm(true, "gpt-4o-mini", "CLOSED", 10, 0, 0, 0, null, new BigDecimal("5"),
                new BigDecimal("10"), List.of("Workout Optimizer"), null);
        ComponentHealth llm = component(readings, "llm");
        assertThat(llm.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(llm.message()).contains("Workout Optimizer reached today's LLM budget");
    }

    private static HealthReadings.Llm llm(String circuit, int calls, int errors, int limited, int refused) {
        return new HealthReadings.Llm(true, "gpt-4o-mini", circuit, calls, errors, limited, refused,
                Duration.ofSeconds(1), BigDecimal.ZERO, new BigDecimal("10"), List.of(), null);
    }

    @Test
    void the_main_backend_is_absent_unless_configured_and_critical_without_a_2xx_within_five_seconds() {
        Readings readings = new Readings();
        assertThat(evaluate(readings).component("main_backend")).isEmpty();

        readings.mainBackend = new HealthReadings.MainBackend("http://crm/api/health", 200, Duration.ofMillis(80),
                null);
        assertThat(component(readings, "main_backend").status()).isEqualTo(HealthStatus.HEALTHY);

        readings.mainBackend = new HealthReadings.MainBackend("http://crm/api/health", 503, Duration.ofMillis(80),
                null);
        HealthReport report = evaluate(readings);
        assertThat(report.component("main_backend").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(report.component("main_backend").orElseThrow().message()).contains("HTTP 503");
        assertThat(report.recommendations()).anySatisfy(r -> assertThat(r).contains("MAIN_APP_HEALTH_URL"));

        readings.mainBackend = new HealthReadings.MainBackend("http://crm/api/health", 0, Duration.ofSeconds(5),
                "no answer within 5 s");
        assertThat(component(readings, "main_backend").status()).isEqualTo(HealthStatus.CRITICAL);

        readings.mainBackend = new HealthReadings.MainBackend("http://crm/api/health", 200, Duration.ofSeconds(3),
                null);
        assertThat(component(readings, "main_backend").status()).isEqualTo(HealthStatus.WARNING);
    }

    @Test
    void an_agent_is_judged_by_its_own_thresholds_once_it_has_enough_runs() {
        Readings readings = new Readings();
        readings.agents = List.of(agent("Workout Optimizer", new Window(20, 1, 0, Duration.ofSeconds(2))));
        assertThat(component(readings, "agents").status()).isEqualTo(HealthStatus.WARNING);

        readings.agents = List.of(agent("Workout Optimizer", new Window(20, 4, 0, Duration.ofSeconds(2))));
        ComponentHealth agents = component(readings, "agents");
        assertThat(agents.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(agents.message()).contains("Workout Optimizer: 4 of 20 runs failed in the last hour (20.0 %)");

        // Four runs, all failed: fewer than min_runs (5), too few to call a rate.
        readings.agents = List.of(agent("Workout Optimizer", new Window(4, 4, 0, Duration.ofSeconds(2))));
        assertThat(component(readings, "agents").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void an_agents_p95_past_its_thresholds_is_a_warning_then_critical() {
        Readings readings = new Readings();
        readings.agents = List.of(agent("Workout Optimizer", new Window(20, 0, 0, Duration.ofSeconds(16))));
        assertThat(component(readings, "agents").status()).isEqualTo(HealthStatus.WARNING);

        readings.agents = List.of(agent("Workout Optimizer", new Window(20, 0, 0, Duration.ofSeconds(28))));
        assertThat(component(readings, "agents").status()).isEqualTo(HealthStatus.CRITICAL);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_agents_metrics_give_each_agents_hour_and_day_with_its_fallback_rate() {
        Readings readings = new Readings();
        readings.agents = List.of(agent("Workout Optimizer", new Window(10, 0, 3, Duration.ofMillis(1500))));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) component(readings, "agents").metrics()
                .get("agents");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("name", "Workout Optimizer").containsEntry("status", "healthy");
            assertThat((Map<String, Object>) row.get("last_hour")).containsEntry("runs", 10)
                    .containsEntry("fallback_rate", 0.3).containsEntry("p95_ms", 1500L);
            assertThat(row).containsKey("last_24h");
        });
    }

    @Test
    void burning_the_error_budget_at_14_4_times_over_an_hour_and_five_minutes_is_critical() {
        // 99 % objective: a 1 % budget; 15 % failures burn it at 15x.
        Window burning = new Window(100, 15, 0, Duration.ofSeconds(1));
        Readings readings = new Readings();
        readings.agents = List.of(agent(burning, new Window(10, 2, 0, null), burning, burning));

        ComponentHealth slo = component(readings, "slo");

        assertThat(slo.status()).isEqualTo(HealthStatus.CRITICAL);
        assertThat(slo.message()).contains("Progress Monitor").contains("15.0×").contains("20.0×");
    }

    @Test
    void an_hour_of_burning_that_stopped_in_the_last_five_minutes_is_no_longer_critical() {
        Window burning = new Window(100, 15, 0, Duration.ofSeconds(1));
        Readings readings = new Readings();
        readings.agents = List.of(agent(burning, new Window(10, 0, 0, null), new Window(600, 20, 0, null),
                new Window(50, 0, 0, null)));

        assertThat(component(readings, "slo").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void burning_at_6_times_over_six_hours_and_thirty_minutes_is_a_warning() {
        Window hour = new Window(100, 7, 0, null); // 7x: below 14.4
        Readings readings = new Readings();
        readings.agents = List.of(agent(hour, new Window(10, 2, 0, null), new Window(600, 40, 0, null),
                new Window(50, 4, 0, null)));

        ComponentHealth slo = component(readings, "slo");

        assertThat(slo.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(slo.message()).contains("6.7×").contains("8.0×");
    }

    @Test
    void a_burn_just_below_the_thresholds_is_healthy() {
        Window hour = new Window(1000, 143, 0, null); // 14.3x
        Readings readings = new Readings();
        readings.agents = List.of(agent(hour, new Window(100, 50, 0, null), new Window(6000, 359, 0, null),
                new Window(500, 50, 0, null))); // 6h at 5.98x

        assertThat(component(readings, "slo").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void a_crm_without_tables_is_a_warning_and_one_that_cannot_be_read_critical() {
        Readings readings = new Readings();
        readings.crm = new HealthReadings.Crm(false, List.of(), List.of(), null, null);
        assertThat(component(readings, "crm").status()).isEqualTo(HealthStatus.WARNING);

        readings.crm = new HealthReadings.Crm(false, List.of(), List.of(), null, "password authentication failed");
        assertThat(component(readings, "crm").status()).isEqualTo(HealthStatus.CRITICAL);
    }
}
