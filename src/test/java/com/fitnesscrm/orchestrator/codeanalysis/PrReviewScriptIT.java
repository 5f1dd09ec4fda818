package com.fitnesscrm.orchestrator.codeanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pull-request review script ({@code src/main/scripts/pr_review.py}) as the main backend's CI runs it: against
 * the running service, with the main backend's key, on files of a checkout. It needs a {@code python3}; without one
 * the test is skipped, except with {@code CI=true} ({@code .ci/run} installs it), where it fails.
 */
@ServerIntegrationTest
class PrReviewScriptIT {

    private static final String MAIN_BACKEND_KEY = "main-backend-key-for-tests-0123456789";
    private static final Path SCRIPT = Path.of("src/main/scripts/pr_review.py");

    @LocalServerPort
    private int port;
    @TempDir
    private Path checkout;

    @BeforeAll
    static void python() throws Exception {
        boolean found;
        try {
            found = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            found = false;
        }
        if ("true".equals(System.getenv("CI"))) {
            assertThat(found).as("python3 on the PATH (.ci/run installs it)").isTrue();
        }
        assumeTrue(found, "python3 is not installed");
    }

    @Test
    void a_changed_file_with_an_injection_fails_the_build_and_says_where() throws Exception {
        Path routes = write("app/routes/clients.py", """
                from flask import request


                def find_client(cursor):
                    name = request.args.get("name")
                    cursor.execute("SELECT * FROM clients WHERE name = '" + name + "'")
                    return cursor.fetchall()
                """);
        Path clean = write("static/format.js", """
                export function fullName(client) {
                  return `${client.firstName} ${client.lastName}`.trim();
                }
                """);

        Result result = review(List.of("--fail-on", "high"), routes, clean);

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("app/routes/clients.py:6: [critical] sql_injection")
                .contains("suggestion:")
                .doesNotContain("static/format.js:")
                .contains("2 file(s)");
    }

    @Test
    void clean_files_pass_and_a_threshold_above_the_findings_passes_too() throws Exception {
        Path clean = write("app/health.py", """
                import os


                def database_url():
                    return os.environ.get("DATABASE_URL", "")
                """);
        Path weak = write("app/tokens.py", """
                import hashlib


                def checksum(data):
                    return hashlib.md5(data).hexdigest()
                """);

        assertThat(review(List.of(), clean).exit()).isZero();
        Result medium = review(List.of("--fail-on", "critical"), weak);
        assertThat(medium.exit()).as(medium.toString()).isZero();
        assertThat(medium.out()).contains("app/tokens.py:5:").contains("weak_crypto");
    }

    @Test
    void github_annotations_mark_the_line_of_a_blocking_finding() throws Exception {
        Path routes = write("app/run.py", """
                import subprocess
                from flask import request


                def ping():
                    host = request.args["host"]
                    return subprocess.check_output("ping -c 1 " + host, shell=True)
                """);

        Result result = review(List.of("--format", "github"), routes);

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("::error file=app/run.py,line=7,title=command_injection::");
    }

    @Test
    void a_refused_key_is_an_error_of_the_review_not_a_pass() throws Exception {
        Path file = write("app/x.py", "print('hello')\n");

        Result result = run(List.of("--url", "http://localhost:" + port, "--api-key", "not-a-key", "app/x.py"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("app/x.py").contains("401");
        assertThat(file).exists();
    }

    private Path write(String relative, String text) throws IOException {
        Path path = checkout.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return path;
    }

    private Result review(List<String> options, Path... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", "http://localhost:" + port, "--api-key",
                MAIN_BACKEND_KEY, "--timeout", "60"));
        args.addAll(options);
        for (Path file : files) {
            args.add(checkout.relativize(file).toString());
        }
        return run(args);
    }

    private Result run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toAbsolutePath().toString()));
        command.addAll(args);
        Path out = Files.createTempFile("pr-review", ".out");
        Path err = Files.createTempFile("pr-review", ".err");
        Process process = new ProcessBuilder(command).directory(checkout.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the script ends").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
