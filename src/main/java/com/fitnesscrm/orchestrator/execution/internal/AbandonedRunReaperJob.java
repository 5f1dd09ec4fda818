package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Duration;
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
 * The Quartz trigger of {@link AbandonedRunReaper}: once a minute on one node of the cluster. Thin on purpose; a
 * failure is logged and the next minute tries again.
 */
@DisallowConcurrentExecution
public class AbandonedRunReaperJob extends QuartzJobBean {

    static final String NAME = "abandoned-run-reaper";
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AbandonedRunReaperJob.class);

    private final AbandonedRunReaper reaper;

    AbandonedRunReaperJob(AbandonedRunReaper reaper) {
        this.reaper = reaper;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            reaper.reap();
        } catch (RuntimeException e) {
            log.warn("Looking for abandoned runs failed; trying again in {}", INTERVAL, e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail abandonedRunReaperJobDetail() {
            return JobBuilder.newJob(AbandonedRunReaperJob.class).withIdentity(NAME)
                    .withDescription("Records runs no node will finish as failed").storeDurably().build();
        }

        @Bean
        Trigger abandonedRunReaperTrigger(JobDetail abandonedRunReaperJobDetail) {
            return TriggerBuilder.newTrigger().forJob(abandonedRunReaperJobDetail).withIdentity(NAME)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInSeconds((int) INTERVAL.toSeconds()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
