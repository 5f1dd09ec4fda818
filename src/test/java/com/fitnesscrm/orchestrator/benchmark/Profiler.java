package com.fitnesscrm.orchestrator.benchmark;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CPU profile of a benchmark's measured part, when {@code -Dbenchmark.async-profiler=/path/to/async-profiler.jar}
 * names async-profiler's Maven jar ({@code tools.profiler:async-profiler:4.1:linux-x64}); nothing otherwise. It
 * samples with {@code itimer} (no perf events needed) and writes collapsed stacks per thread to
 * {@code target/profile-NAME.collapsed}, for a flame graph or a grep.
 */
final class Profiler {

    private static Object profiler;
    private static Path output;

    private Profiler() {
    }

    static void start(String name) throws Exception {
        String jar = System.getProperty("benchmark.async-profiler");
        if (jar == null) {
            return;
        }
        Path dir = Files.createTempDirectory("async-profiler");
        try (var zip = new java.util.zip.ZipFile(jar)) {
            Files.copy(zip.getInputStream(zip.getEntry("linux-x64/libasyncProfiler.so")), dir.resolve("lib.so"));
        }
        Class<?> type = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}).loadClass("one.profiler.AsyncProfiler");
        profiler = type.getMethod("getInstance", String.class).invoke(null, dir.resolve("lib.so").toString());
        Files.createDirectories(Path.of("target"));
        output = Path.of("target", "profile-" + name + ".collapsed").toAbsolutePath();
        execute("start,event=" + System.getProperty("benchmark.profile-event", "itimer") + ",interval=1ms,threads");
    }

    static void stop() throws Exception {
        if (profiler != null) {
            execute("stop,collapsed,threads,file=" + output);
            System.out.println("PROFILE " + output);
            profiler = null;
        }
    }

    private static void execute(String command) throws Exception {
        profiler.getClass().getMethod("execute", String.class).invoke(profiler, command);
    }
}
