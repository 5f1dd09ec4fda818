package com.fitnesscrm.orchestrator.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs work that may take seconds (an agent waiting for its LLM) off the UI thread, as the signed-in user, and hands
 * the outcome back to the view by server push ({@code @Push} on the application). The session stays responsive
 * meanwhile: other tabs keep working and the view can show that something is under way.
 */
@org.springframework.stereotype.Component
public class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final SecurityContextHolderStrategy securityContext;
    /**
     * Bounded: each task waits mostly on I/O (an LLM may take minutes), so a short queue, past which a user is told at
     * once to try again rather than left waiting behind many others.
     */
    private final ThreadPoolExecutor executor;

    BackgroundWork(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), task -> {
            Thread thread = new Thread(task, "ui-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} in the background as the current user, then {@code done} with its result, or {@code failed}
     * with what it threw, in the UI of {@code owner}. Nothing is delivered when the user has left meanwhile.
     */
    public <T> void start(Component owner, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        UI ui = owner.getUI().orElseThrow(() -> new IllegalStateException("The component is not shown"));
        // A copy: logging out clears the session's own context, which must not take the user from a run under way.
        SecurityContext user = securityContext.createEmptyContext();
        user.setAuthentication(securityContext.getContext().getAuthentication());
        try {
            executor.execute(() -> {
                securityContext.setContext(user);
                try {
                    T result = work.get();
                    deliver(ui, () -> done.accept(result));
                } catch (RuntimeException e) {
                    deliver(ui, () -> failed.accept(e));
                } catch (Error e) {
                    // The view must not wait for ever; the error still ends this thread.
                    deliver(ui, () -> failed.accept(new IllegalStateException("The work failed: " + e, e)));
                    throw e;
                } finally {
                    securityContext.clearContext();
                }
            });
        } catch (RejectedExecutionException e) {
            failed.accept(new BusyException());
        }
    }

    private static void deliver(UI ui, Runnable command) {
        try {
            ui.access(command::run);
        } catch (UIDetachedException e) {
            log.debug("The user left before the background work ended; its outcome is in the runs it recorded.");
        }
    }

    /** Too much background work is under way on this node; the user may try again shortly. */
    public static class BusyException extends RuntimeException {

        BusyException() {
            super("The server is busy with other work; try again in a moment.");
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
