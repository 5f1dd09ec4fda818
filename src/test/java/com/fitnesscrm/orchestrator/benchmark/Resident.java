package com.fitnesscrm.orchestrator.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a process holds, read from {@code /proc} (Linux) and, for the JVM's own account, {@code jcmd}. */
final class Resident {

    private Resident() {
    }

    /** Resident set size (VmRSS) in MB. */
    static long megabytes(long pid) throws IOException {
        return status(pid, "VmRSS:") / 1024;
    }

    static long threads(long pid) throws IOException {
        return status(pid, "Threads:");
    }

    /** The JVM's Native Memory Tracking summary, for a JVM started with {@code -XX:NativeMemoryTracking=summary}. */
    static String nativeMemory(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private static long status(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IllegalStateException("No " + field + " for process " + pid));
    }
}
