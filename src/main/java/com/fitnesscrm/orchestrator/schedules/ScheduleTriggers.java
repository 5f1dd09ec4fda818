package com.fitnesscrm.orchestrator.schedules;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * How a schedule's cron expression and time zone become a Quartz {@link CronTrigger}, and when it fires next. A bad
 * cron or an unknown zone is refused with {@link InvalidInputException} naming the field ({@code cron},
 * {@code time_zone}), which the API answers with 422.
 */
public final class ScheduleTriggers {

    /** Quartz group of every schedule's job and trigger, apart from the internal jobs' default group. */
    public static final String GROUP = "user-schedules";

    private ScheduleTriggers() {
    }

    /** The zone, checked: region ids such as {@code Europe/Berlin}, or {@code UTC}. */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidInputException("time_zone", "time_zone is required, e.g. Europe/Berlin or UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("time_zone", "Unknown time zone '" + timeZone.strip()
                    + "': use a region id such as Europe/Berlin, or UTC");
        }
    }

    /** The cron expression in Quartz's syntax (seconds first), checked, evaluated in {@code zone}. */
    public static CronExpression cron(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidInputException("cron", "cron is required, e.g. 0 0 6 * * ? for 06:00 every day");
        }
        try {
            CronExpression expression = new CronExpression(cron.strip());
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new InvalidInputException("cron", "Invalid cron expression '" + cron.strip() + "': "
                    + e.getMessage() + " (Quartz syntax: seconds minutes hours day-of-month month day-of-week)");
        }
    }

    /** The schedule's trigger: its cron in its zone, with its misfire policy, for the schedule's job. */
    public static CronTrigger trigger(long scheduleId, String cron, String timeZone, MisfirePolicy misfire) {
        ZoneId zone = zone(timeZone);
        CronExpression expression = cron(cron, zone);
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(expression).inTimeZone(
                TimeZone.getTimeZone(zone));
        schedule = misfire == MisfirePolicy.RUN_ONCE ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(scheduleId)).forJob(jobKey(scheduleId))
                .withSchedule(schedule).build();
    }

    /** The next {@code count} fire times strictly after {@code after}. */
    public static List<Instant> nextFireTimes(String cron, String timeZone, Instant after, int count) {
        CronExpression expression = cron(cron, zone(timeZone));
        List<Instant> times = new ArrayList<>(count);
        Date next = Date.from(after);
        while (times.size() < count && (next = expression.getNextValidTimeAfter(next)) != null) {
            times.add(next.toInstant());
        }
        return times;
    }

    public static JobKey jobKey(long scheduleId) {
        return JobKey.jobKey("schedule-" + scheduleId, GROUP);
    }

    public static TriggerKey triggerKey(long scheduleId) {
        return TriggerKey.triggerKey("schedule-" + scheduleId, GROUP);
    }
}
