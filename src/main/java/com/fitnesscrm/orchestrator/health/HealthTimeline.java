package com.fitnesscrm.orchestrator.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Each component's status over a window, in equal buckets: the worst status its checks had in each, {@code null}
 * where none was stored (the application was down, or the rows were trimmed).
 *
 * @param from       the start of the first bucket
 * @param bucket     how long each bucket is
 * @param components per component, in the report's order, one entry per bucket
 */
public record HealthTimeline(Instant from, Duration bucket, int buckets, Map<String, List<HealthStatus>> components) {

    /** The two windows the Health view offers. */
    public enum Window {
        DAY(Duration.ofHours(24), Duration.ofMinutes(15), "last 24 hours"),
        WEEK(Duration.ofDays(7), Duration.ofHours(1), "last 7 days");

        private final Duration length;
        private final Duration bucket;
        private final String label;

        Window(Duration length, Duration bucket, String label) {
            this.length = length;
            this.bucket = bucket;
            this.label = label;
        }

        public Duration length() {
            return length;
        }

        public Duration bucket() {
            return bucket;
        }

        public String label() {
            return label;
        }
    }

    public Instant to() {
        return from.plus(bucket.multipliedBy(buckets));
    }
}
