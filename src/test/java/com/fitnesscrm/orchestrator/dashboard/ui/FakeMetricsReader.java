package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fitnesscrm.orchestrator.metrics.Kpis;
import com.fitnesscrm.orchestrator.metrics.MetricPoint;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Roll-ups with known figures, in place of the real {@link MetricsReader} for the tests that check what the dashboard
 * makes of given figures (the real reader's own sums are {@code MetricsRollupIT}'s): the range that reaches now has
 * {@link #CURRENT}, the one before it {@link #PREVIOUS}; each of a query's first three periods has, per agent, 3
 * succeeded, 1 failed run, $0.02 and 100 tokens in, and votes on two config versions (1: 1 of 2 helpful; 2: 3 of 4).
 */
public class FakeMetricsReader implements MetricsReader {

    static final Kpis CURRENT = new Kpis(120, 108, 10, 2, 3, 0.9, 1.2, 2.4, new BigDecimal("1.20"), 0, 0.01,
            5000, 2000, 0.75, 0.8, 10);
    static final Kpis PREVIOUS = new Kpis(100, 86, 12, 2, 1, 0.86, 1.0, 3.0, new BigDecimal("1.00"), 0, 0.01,
            4000, 1500, 0.70, 0.9, 8);
    static final List<String> ALL = List.of("Workout Optimizer", "Code Analyzer");

    final List<MetricsQuery> queries = new CopyOnWriteArrayList<>();
    private final Clock clock;

    FakeMetricsReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Kpis kpis(MetricsQuery query) {
        queries.add(query);
        return query.to().isAfter(clock.instant()) ? CURRENT : PREVIOUS;
    }

    @Override
    public List<MetricPoint> series(MetricsQuery query, Set<MetricType> types) {
        queries.add(query);
        List<MetricPoint> points = new ArrayList<>();
        for (String agent : query.agents().isEmpty() ? ALL : List.copyOf(query.agents())) {
            for (int i = 0; i < 3; i++) {
                Instant start = query.from().plus(query.period().length().multipliedBy(i));
                Instant end = start.plus(query.period().length());
                add(points, types, agent, MetricType.RUNS, query, start, end, 4);
                add(points, types, agent, MetricType.SUCCEEDED, query, start, end, 3);
                add(points, types, agent, MetricType.FAILED, query, start, end, 1);
                add(points, types, agent, MetricType.COST, query, start, end, 0.02);
                add(points, types, agent, MetricType.TOKENS_IN, query, start, end, 100);
                // version 1 was helpful half the time, version 2 three times in four
                version(points, types, agent, 1, query, start, end, 2, 1);
                version(points, types, agent, 2, query, start, end, 4, 3);
            }
        }
        return points;
    }

    private static void version(List<MetricPoint> points, Set<MetricType> types, String agent, int version,
                                MetricsQuery query, Instant start, Instant end, double votes, double helpful) {
        if (types.contains(MetricType.VOTES)) {
            points.add(new MetricPoint(agent, MetricType.VOTES, query.period(), start, end, version, votes));
        }
        if (types.contains(MetricType.HELPFUL_VOTES)) {
            points.add(new MetricPoint(agent, MetricType.HELPFUL_VOTES, query.period(), start, end, version,
                    helpful));
        }
    }

    private static void add(List<MetricPoint> points, Set<MetricType> types, String agent, MetricType type,
                            MetricsQuery query, Instant start, Instant end, double value) {
        if (types.contains(type)) {
            points.add(new MetricPoint(agent, type, query.period(), start, end, null, value));
        }
    }

    /** Import this in a test that asserts the fake's figures: it takes the real reader's place. */
    @TestConfiguration
    public static class Config {

        @Bean
        @Primary
        FakeMetricsReader fakeMetricsReader(Clock clock) {
            return new FakeMetricsReader(clock);
        }
    }
}
