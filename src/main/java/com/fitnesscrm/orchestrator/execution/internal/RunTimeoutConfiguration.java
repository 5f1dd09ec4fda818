package com.fitnesscrm.orchestrator.execution.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timer that stops runs at their deadline. Runs execute in their callers' threads (a request's, the durable
 * scheduler's); this one thread only interrupts those past their agent's timeout.
 */
@Configuration(proxyBeanMethods = false)
class RunTimeoutConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService runTimeouts() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "run-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every run ends before its timeout: its cancelled timer leaves the queue at once, not at the deadline.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
