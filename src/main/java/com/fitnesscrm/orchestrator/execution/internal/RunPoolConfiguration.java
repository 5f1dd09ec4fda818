package com.fitnesscrm.orchestrator.execution.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads runs execute on. Its size is bounded by who submits: request threads for sync runs and the durable
 * scheduler's threads for async runs, each waiting for its own run, so the pool grows to what they need and shrinks
 * when idle.
 */
@Configuration(proxyBeanMethods = false)
class RunPoolConfiguration {

    // Not shutdownNow: runs still executing at shutdown finish, or the scheduler requeues them (RunLifecycle).
    @Bean(destroyMethod = "shutdown")
    ExecutorService agentRunPool() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(4, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "agent-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
