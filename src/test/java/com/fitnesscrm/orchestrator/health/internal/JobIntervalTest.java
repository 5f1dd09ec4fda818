package com.fitnesscrm.orchestrator.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.spi.OperableTrigger;

/**
 * The scheduler check judges a cron job by the gap it is in now: a weekday job that last ran on Friday is not two
 * intervals late on Sunday, while one that stopped firing still grows late.
 */
class JobIntervalTest {

    @Test
    void a_weekday_cron_between_friday_and_monday_is_in_a_three_day_gap() {
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 6 ? * MON-FRI").inTimeZone(
                        TimeZone.getTimeZone("UTC")))
                .startAt(Date.from(Instant.parse("2026-11-02T00:00:00Z"))).build();
        trigger.computeFirstFireTime(null);
        while (trigger.getNextFireTime().toInstant().isBefore(Instant.parse("2026-11-06T06:00:00Z"))) {
            trigger.triggered(null);
        }
        trigger.triggered(null); // fired on Friday 2026-11-06 06:00; next Monday 06:00

        assertThat(trigger.getPreviousFireTime().toInstant()).isEqualTo(Instant.parse("2026-11-06T06:00:00Z"));
        assertThat(HealthProbes.interval(trigger)).isEqualTo(Duration.ofDays(3));

        trigger.triggered(null); // Monday; next Tuesday
        assertThat(HealthProbes.interval(trigger)).isEqualTo(Duration.ofDays(1));
    }
}
