package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.RetentionSettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz trigger of {@link RunRetention}: every {@code orchestrator.retention.interval-seconds} (an hour) on one
 * node of the cluster, a few bounded batches each time. Thin on purpose; a failure is logged and the next interval
 * tries again.
 */
@DisallowConcurrentExecution
public class RunRetentionJob extends QuartzJobBean {

    static final String NAME = "run-retention";
    private static final Logger log = LoggerFactory.getLogger(RunRetentionJob.class);

    private final RunRetention retention;

    RunRetentionJob(RunRetention retention) {
        this.retention = retention;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            retention.trim();
        } catch (RuntimeException e) {
            log.warn("Trimming old runs' payloads failed; trying again at the next interval", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail runRetentionJobDetail() {
            return JobBuilder.newJob(RunRetentionJob.class).withIdentity(NAME)
                    .withDescription("Removes the input, output and steps of runs older than RUN_RETENTION_DAYS")
                    .storeDurably().build();
        }

        @Bean
        Trigger runRetentionTrigger(JobDetail runRetentionJobDetail, RetentionSettings settings) {
            return TriggerBuilder.newTrigger().forJob(runRetentionJobDetail).withIdentity(NAME)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInSeconds(settings.intervalSeconds()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
