package com.fitnesscrm.orchestrator.execution.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Calls a refresh on a background thread every period and pushes the change to the browser ({@code @Push} on the
 * app shell), until the refresh says it is done or {@link #stop()} is called (on detach).
 *
 * <p>The refresh runs inside {@link UI#access}, holding the session lock, so it may touch components. Services called
 * there see the signed-in user: Vaadin's {@code VaadinAwareSecurityContextHolderStrategy} (imported by
 * {@code SecurityConfiguration}) reads the security context from the current Vaadin session, which {@code access}
 * sets on the background thread.
 *
 * <p>One thread per watching view, and only while its run is queued or running: a handful at a time on an admin
 * tool, so a shared pool would buy little.
 */
final class PushRefresher {

    private final Duration period;
    private ScheduledExecutorService executor;

    PushRefresher(Duration period) {
        this.period = period;
    }

    /**
     * Starts refreshing {@code ui} unless already started.
     *
     * @param refresh updates the components; answers {@code true} to go on, {@code false} when there is nothing more
     *                to wait for
     */
    synchronized void start(UI ui, BooleanSupplier refresh) {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-view-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        started.scheduleWithFixedDelay(() -> {
            try {
                ui.access(() -> {
                    if (!refresh.getAsBoolean()) {
                        stop();
                    }
                });
            } catch (UIDetachedException e) {
                stop(); // the tab was closed without a detach reaching us
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (executor != null) {
            // Not shutdownNow: stop() may run on that very thread, inside a push that must not be interrupted.
            executor.shutdown();
            executor = null;
        }
    }

    synchronized boolean isRunning() {
        return executor != null;
    }
}
