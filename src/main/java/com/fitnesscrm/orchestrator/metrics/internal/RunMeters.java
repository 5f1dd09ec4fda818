package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.execution.RunFinished;
import com.fitnesscrm.orchestrator.metrics.FeedbackGiven;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Prometheus side of the metrics ({@code /actuator/prometheus}), fed from {@link RunFinished} and
 * {@link FeedbackGiven}: runs by agent, status and source (the engine that answered, {@code none} without an output),
 * their duration as a histogram, LLM tokens and cost, and votes. Tags are agent names and codes only, never ids, so
 * the number of series stays bounded by the number of agents. Counters count from the node's start, as Prometheus
 * expects; the roll-ups in {@code ai_agent_metrics} are the history.
 */
@Component
class RunMeters {

    static final String RUNS = "orchestrator.runs";
    static final String DURATION = "orchestrator.run.duration";
    static final String TOKENS = "orchestrator.llm.tokens";
    static final String COST = "orchestrator.llm.cost";
    static final String VOTES = "orchestrator.feedback.votes";
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    RunMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(RunFinished run) {
        String agent = run.agentName() == null ? UNKNOWN : run.agentName();
        Counter.builder(RUNS).description("Runs that reached a final status")
                .tag("agent", agent).tag("status", run.status().code())
                .tag("source", run.engine() == null ? "none" : run.engine())
                .register(registry).increment();
        if (run.executionSeconds() != null) {
            Timer.builder(DURATION).description("Run time from running to finished")
                    .tag("agent", agent).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(Duration.ofNanos((long) (run.executionSeconds() * 1e9)));
        }
        if (run.tokensIn() > 0) {
            tokens(agent, "in").increment(run.tokensIn());
        }
        if (run.tokensOut() > 0) {
            tokens(agent, "out").increment(run.tokensOut());
        }
        if (run.costUsd() != null && run.costUsd().signum() > 0) {
            Counter.builder(COST).description("LLM cost of the priced runs").baseUnit("usd").tag("agent", agent)
                    .register(registry).increment(run.costUsd().doubleValue());
        }
    }

    @EventListener
    void on(FeedbackGiven given) {
        Counter.builder(VOTES).description("Votes given on runs' results (a changed vote counts again)")
                .tag("agent", given.vote().agentName()).tag("feedback", given.vote().feedback().code())
                .register(registry).increment();
    }

    private Counter tokens(String agent, String direction) {
        return Counter.builder(TOKENS).description("LLM tokens of the runs").baseUnit("tokens")
                .tag("agent", agent).tag("direction", direction).register(registry);
    }
}
