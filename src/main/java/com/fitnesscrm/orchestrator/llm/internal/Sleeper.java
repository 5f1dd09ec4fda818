package com.fitnesscrm.orchestrator.llm.internal;

import java.time.Duration;

/** Waits before a retry; injected so tests see the wait asked for instead of spending it. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
