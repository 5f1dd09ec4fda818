package com.fitnesscrm.orchestrator.execution.internal;

import com.fitnesscrm.orchestrator.base.UnavailableException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The payload bytes that pages of runs hold at once on this node, bounded. A page reserves its whole budget before
 * it reads (it cannot know the sizes earlier without a second query), keeps what it read and gives back the rest at
 * once; the rest goes when its answer has been written. 64 callers asking for payloads at once then wait their turn
 * instead of each holding a megabyte or more of text, its copy in the JDBC driver and the answer's buffer in a 224 MB
 * heap (issue 12; the heap's size is decision 0004's).
 */
@Component
class PayloadMemory {

    private final Semaphore bytes;
    private final RunListSettings settings;

    PayloadMemory(RunListSettings settings) {
        this.settings = settings;
        this.bytes = new Semaphore((int) settings.payloadMemory().toBytes(), true);
    }

    public int budget() {
        return (int) settings.payloadBudget().toBytes();
    }

    /**
     * Waits for a page's budget.
     *
     * @throws UnavailableException when it is not free within {@code payload-wait}
     */
    public Lease reserve() {
        int wanted = budget();
        try {
            if (!bytes.tryAcquire(wanted, settings.payloadWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("Too many pages of runs with payloads are being answered at once; "
                        + "ask again in a few seconds, or without 'include'.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The server is stopping.");
        }
        return new Lease(wanted);
    }

    /** Bytes free now, for tests and the benchmark's report. */
    int available() {
        return bytes.availablePermits();
    }

    /** A page's share; {@link #keep} what it holds, {@link #close} when written. Closing twice gives back once. */
    public final class Lease implements AutoCloseable {

        private final AtomicInteger held;

        private Lease(int held) {
            this.held = new AtomicInteger(held);
        }

        /** Keeps {@code used} bytes (at most what is held) and gives back the rest now. */
        public void keep(long used) {
            int keep = (int) Math.min(Math.max(used, 0), held.get());
            int back = held.getAndSet(keep) - keep;
            if (back > 0) {
                bytes.release(back);
            }
        }

        @Override
        public void close() {
            int back = held.getAndSet(0);
            if (back > 0) {
                bytes.release(back);
            }
        }
    }
}
