package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Procfile and railway.json start the app alike, and as the memory benchmark measures it (RunsListBenchmark
 * reads the Procfile): a setting changed in one file only would deploy something nobody measured.
 */
class DeploymentConfigTest {

    @Test
    void railway_starts_the_app_with_the_procfiles_command() throws Exception {
        String railway = new ObjectMapper().readTree(Path.of("railway.json").toFile()).path("deploy")
                .path("startCommand").asText();

        assertThat(StartCommand.parse(railway)).isEqualTo(StartCommand.of(Path.of("Procfile")));
        assertThat(StartCommand.of(Path.of("Procfile")).jar()).isEqualTo("target/ai-orchestrator.jar");
    }

    @Test
    void the_start_command_caps_the_heap_and_the_malloc_arenas_for_a_512_mb_instance() {
        StartCommand command = StartCommand.of(Path.of("Procfile"));

        // The heap plus ~250 MB outside it (metaspace, code, threads, malloc) stays under 512 MB (decision 0004).
        // Parallel GC on two threads: young collections that let 1 MB payload pages die young, no full collection
        // in RunsListBenchmark's storms (Serial's took 160-220 ms there).
        assertThat(command.options()).contains("-Xmx224m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TrimNativeHeapInterval=5000", "-XX:+UseParallelGC", "-XX:ParallelGCThreads=2");
        // C1 only: no C2 compiler threads and arenas; on two cores it was both faster and ~60 MB smaller under the
        // async load, even after 24,000 runs of warm-up (AsyncResidentBenchmark, decision 0004, fifth sitting).
        assertThat(command.options()).contains("-XX:TieredStopAtLevel=1");
        // glibc gives each thread that allocates its own arena of up to 64 MB; two keep native memory flat.
        assertThat(command.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }
}
