package com.fitnesscrm.orchestrator.metrics.internal;

import com.fitnesscrm.orchestrator.metrics.MetricsSettings;
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
 * The Quartz trigger of {@link MetricsRollup}: every {@code METRICS_ROLLUP_INTERVAL_SECONDS} on one node of the
 * cluster. A failure is logged and the next roll-up recomputes the same periods (it goes on from the last rows
 * written).
 */
@DisallowConcurrentExecution
public class MetricsRollupJob extends QuartzJobBean {

    static final String NAME = "metrics-rollup";
    private static final Logger log = LoggerFactory.getLogger(MetricsRollupJob.class);

    private final MetricsRollup rollup;

    MetricsRollupJob(MetricsRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            rollup.rollUp();
        } catch (RuntimeException e) {
            log.warn("Rolling the runs up failed; trying again at the next interval", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail metricsRollupJobDetail() {
            return JobBuilder.newJob(MetricsRollupJob.class).withIdentity(NAME)
                    .withDescription("Rolls the runs up per agent, hour and day into ai_agent_metrics")
                    .storeDurably().build();
        }

        @Bean
        Trigger metricsRollupTrigger(JobDetail metricsRollupJobDetail, MetricsSettings settings) {
            return TriggerBuilder.newTrigger().forJob(metricsRollupJobDetail).withIdentity(NAME)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInSeconds(settings.rollupIntervalSeconds()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
