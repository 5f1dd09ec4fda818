package com.fitnesscrm.orchestrator.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Drives load with {@code wrk} (C, epoll; two threads for two cores) and reads back its count, errors and latency
 * percentiles through a Lua {@code done} hook.
 */
final class Wrk {

    private Wrk() {
    }

    static boolean installed() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static RuntimeBenchmark.Result run(int port, String path, String body, String key, int connections,
                                       Duration duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-post", ".lua");
        Files.writeString(script, """
                wrk.method = "%s"
                wrk.body = %s
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
                    e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(50),
                    latency:percentile(95), latency:percentile(99), latency.max))
                end
                """.formatted(body == null ? "GET" : "POST", body == null ? "nil" : "[[" + body + "]]", key), StandardCharsets.UTF_8);
        try {
            Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                    "--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + port + path)
                    .redirectErrorStream(true).start();
            List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            process.waitFor();
            String result = output.stream().filter(line -> line.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk said: " + String.join("\n", output)));
            String[] f = result.split(" ");
            long requests = Long.parseLong(f[1]);
            double seconds = Long.parseLong(f[2]) / 1e6;
            long errors = Long.parseLong(f[3]);
            double[] percentiles = {micros(f[4]), micros(f[5]), micros(f[6]), micros(f[7])};
            return new RuntimeBenchmark.Result(new long[0], seconds, errors, requests, percentiles);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static double micros(String value) {
        return Double.parseDouble(value.trim()) / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk");
    }
}
