package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.health.HealthChecker;
import com.fitnesscrm.orchestrator.health.HealthSettings;
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
 * The Quartz trigger of the scheduled health check: every {@code HEALTH_CHECK_INTERVAL_SECONDS} on one node of the
 * cluster (the JDBC job store hands each firing to one node). Thin on purpose; a failure is logged and the next
 * interval tries again.
 */
@DisallowConcurrentExecution
public class HealthCheckJob extends QuartzJobBean {

    public static final String NAME = "health-check";
    private static final Logger log = LoggerFactory.getLogger(HealthCheckJob.class);

    private final HealthChecker checker;

    HealthCheckJob(HealthChecker checker) {
        this.checker = checker;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            checker.scheduledCheck();
        } catch (RuntimeException e) {
            log.warn("The scheduled health check failed; trying again at the next interval", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail healthCheckJobDetail() {
            return JobBuilder.newJob(HealthCheckJob.class).withIdentity(NAME)
                    .withDescription("Checks every component and keeps the result in ai_system_health")
                    .storeDurably().build();
        }

        @Bean
        Trigger healthCheckTrigger(JobDetail healthCheckJobDetail, HealthSettings settings) {
            return TriggerBuilder.newTrigger().forJob(healthCheckJobDetail).withIdentity(NAME)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInSeconds(settings.intervalSeconds()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
