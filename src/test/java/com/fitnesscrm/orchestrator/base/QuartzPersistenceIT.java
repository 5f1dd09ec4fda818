package com.fitnesscrm.orchestrator.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.Application;
import com.fitnesscrm.orchestrator.base.database.DatabaseConnection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Quartz keeps its jobs in PostgreSQL: a trigger scheduled before a restart of the whole app (database included)
 * is still there afterwards and fires on the new scheduler instance.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuartzPersistenceIT {

    /** Which scheduler instance ran {@link RecordingJob}, in order. */
    static final List<String> FIRINGS = new CopyOnWriteArrayList<>();

    public static class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                FIRINGS.add(context.getScheduler().getSchedulerInstanceId());
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final JobKey JOB = JobKey.jobKey("restart-probe", "tests");
    private static final TriggerKey TRIGGER = TriggerKey.triggerKey("restart-probe", "tests");

    @Test
    void a_persisted_trigger_survives_a_restart_and_fires_again(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("quartz-it");
        try {
            String firstInstance;
            try (ConfigurableApplicationContext first = start(dataDir)) {
                Scheduler scheduler = first.getBean(Scheduler.class);
                assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
                scheduler.scheduleJob(
                        JobBuilder.newJob(RecordingJob.class).withIdentity(JOB).storeDurably().build(),
                        TriggerBuilder.newTrigger().withIdentity(TRIGGER).startNow()
                                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(2)).build());
                firstInstance = scheduler.getSchedulerInstanceId();
                assertThat(waitUntilFiredBy(firstInstance)).as("fires before the restart").isTrue();

                String url = first.getBean(DatabaseConnection.class).jdbcUrl();
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                        .as("the persistent embedded database asks for its password")
                        .isInstanceOf(SQLException.class);
            }
            // The embedded database said where it keeps its data, and locked it with a password only its owner reads.
            assertThat(output.getOut()).contains("data in " + dataDir.resolve("postgres") + " (ORCHESTRATOR_DATA_DIR)");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres").resolve("orchestrator.password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            try (ConfigurableApplicationContext second = start(dataDir)) {
                Scheduler scheduler = second.getBean(Scheduler.class);
                String secondInstance = scheduler.getSchedulerInstanceId();
                assertThat(secondInstance).isNotEqualTo(firstInstance);
                assertThat(scheduler.checkExists(JOB)).isTrue();
                assertThat(scheduler.checkExists(TRIGGER)).isTrue();
                assertThat(waitUntilFiredBy(secondInstance)).as("fires again after the restart").isTrue();
                scheduler.deleteJob(JOB);
            }
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** The same persistent embedded database both times, as a real restart would use. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0",
                        "--orchestrator.database.embedded.ephemeral=false",
                        "--orchestrator.database.embedded.data-dir=" + dataDir,
                        // one scheduler name for both runs, as the nodes of one cluster share it
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=quartz-restart-test");
    }

    private static boolean waitUntilFiredBy(String instanceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (FIRINGS.contains(instanceId)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
