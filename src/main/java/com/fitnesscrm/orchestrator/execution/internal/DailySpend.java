package com.fitnesscrm.orchestrator.execution.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each agent's LLM spend today (UTC), for its daily budget. Summing the day's runs on every run would grow with the
 * day's traffic, so the sum is read at most every {@link #REFRESH} per agent and this node's own spend is added as
 * it happens. Other nodes' spend shows within {@link #REFRESH}; a budget can be overshot by what a cluster spends in
 * that time, which is the trade-off for a check that costs nothing per run.
 */
@Component
class DailySpend {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final RunStore store;
    private final Clock clock;
    private final Map<Integer, Spend> byAgent = new ConcurrentHashMap<>();

    DailySpend(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    BigDecimal today(int agentId) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return byAgent.compute(agentId, (id, spend) -> spend == null || !spend.day().equals(day)
                || spend.readAt().plus(REFRESH).isBefore(now)
                ? new Spend(day, store.spentSince(agentId, day.atStartOfDay(ZoneOffset.UTC).toInstant()), now)
                : spend).amount();
    }

    /** Adds a run's cost as soon as it is known, before the database sum would show it. */
    void add(int agentId, BigDecimal cost) {
        if (cost == null || cost.signum() == 0) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        byAgent.computeIfPresent(agentId, (id, spend) -> spend.day().equals(day)
                ? new Spend(day, spend.amount().add(cost), spend.readAt()) : spend);
    }

    private record Spend(LocalDate day, BigDecimal amount, Instant readAt) {
    }
}
