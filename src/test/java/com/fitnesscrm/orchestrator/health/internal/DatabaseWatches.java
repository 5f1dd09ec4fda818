package com.fitnesscrm.orchestrator.health.internal;

import java.time.Duration;

/** For tests outside this package: how often the database watch probes, without a context of its own. */
public final class DatabaseWatches {

    private DatabaseWatches() {
    }

    public static void every(DatabaseWatch watch, Duration period) {
        watch.use(period);
    }

    /** Back to the application's period, {@code min(HEALTH_CHECK_INTERVAL_SECONDS, 60)}. */
    public static void reset(DatabaseWatch watch) {
        watch.use(watch.period());
    }
}
