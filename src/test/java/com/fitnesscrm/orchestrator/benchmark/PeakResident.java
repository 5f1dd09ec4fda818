package com.fitnesscrm.orchestrator.benchmark;

import java.io.IOException;

/** A process's largest resident size and thread count, sampled every 100 ms until stopped. */
final class PeakResident {

    private final Thread sampler;
    private volatile boolean sampling = true;
    private volatile long megabytes;
    private volatile long threads;

    private PeakResident(long pid) {
        sampler = new Thread(() -> {
            while (sampling) {
                try {
                    megabytes = Math.max(megabytes, Resident.megabytes(pid));
                    threads = Math.max(threads, Resident.threads(pid));
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "peak-resident");
        sampler.setDaemon(true);
    }

    static PeakResident start(long pid) {
        PeakResident peak = new PeakResident(pid);
        peak.sampler.start();
        return peak;
    }

    void stop() throws InterruptedException {
        sampling = false;
        sampler.join();
    }

    long megabytes() {
        return megabytes;
    }

    long threads() {
        return threads;
    }
}
