package com.fitnesscrm.orchestrator.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.execution.RunFinished;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.metrics.Feedback;
import com.fitnesscrm.orchestrator.metrics.FeedbackGiven;
import com.fitnesscrm.orchestrator.metrics.Vote;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a Prometheus scrape shows of finished runs and votes: the series names and tags Grafana boards use. */
class RunMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RunMeters meters = new RunMeters(registry);

    @Test
    void an_llm_run_counts_its_status_source_duration_tokens_and_cost_under_its_agent() {
        meters.on(new RunFinished(1, 7, RunStatus.SUCCEEDED, "llm", "planner", 1.5, 300, 120,
                new BigDecimal("0.0042")));
        meters.on(new RunFinished(2, 7, RunStatus.FAILED, null, "planner", 0.2));
        meters.on(new RunFinished(3, null, RunStatus.CANCELLED, null, "planner", null));

        String scrape = registry.scrape();
        assertThat(scrape).contains("orchestrator_runs_total{agent=\"planner\",source=\"llm\",status=\"succeeded\"} 1.0")
                .contains("orchestrator_runs_total{agent=\"planner\",source=\"none\",status=\"failed\"} 1.0")
                .contains("orchestrator_runs_total{agent=\"planner\",source=\"none\",status=\"cancelled\"} 1.0")
                .contains("orchestrator_run_duration_seconds_count{agent=\"planner\"} 2")
                .contains("orchestrator_run_duration_seconds_sum{agent=\"planner\"} 1.7")
                .contains("orchestrator_llm_tokens_total{agent=\"planner\",direction=\"in\"} 300.0")
                .contains("orchestrator_llm_tokens_total{agent=\"planner\",direction=\"out\"} 120.0")
                .contains("orchestrator_llm_cost_usd_total{agent=\"planner\"} 0.0042");
    }

    @Test
    void a_vote_counts_under_its_agent_and_feedback() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        meters.on(new FeedbackGiven(new Vote(1, 5, "planner", 2, "user:9", "9", Feedback.NOT_HELPFUL, null, "api",
                now, now), null));

        assertThat(registry.scrape())
                .contains("orchestrator_feedback_votes_total{agent=\"planner\",feedback=\"not_helpful\"} 1.0");
    }
}
