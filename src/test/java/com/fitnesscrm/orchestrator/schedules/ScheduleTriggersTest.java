package com.fitnesscrm.orchestrator.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.spi.OperableTrigger;

class ScheduleTriggersTest {

    @Test
    void six_oclock_in_berlin_moves_an_hour_earlier_in_utc_when_summer_time_starts() {
        // Summer time starts in Europe/Berlin on Sunday 29 March 2026: 06:00 is 05:00Z before, 04:00Z from then on.
        assertThat(ScheduleTriggers.nextFireTimes("0 0 6 * * ?", "Europe/Berlin",
                Instant.parse("2026-03-27T12:00:00Z"), 5)).containsExactly(
                Instant.parse("2026-03-28T05:00:00Z"), Instant.parse("2026-03-29T04:00:00Z"),
                Instant.parse("2026-03-30T04:00:00Z"), Instant.parse("2026-03-31T04:00:00Z"),
                Instant.parse("2026-04-01T04:00:00Z"));
    }

    @Test
    void the_quartz_trigger_computes_the_same_fire_times_in_its_zone_with_its_misfire_instruction() {
        CronTrigger trigger = ScheduleTriggers.trigger(7, "0 0 6 * * ?", "Europe/Berlin", MisfirePolicy.RUN_ONCE);
        assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Europe/Berlin"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getKey().getGroup()).isEqualTo(ScheduleTriggers.GROUP);
        assertThat(trigger.getJobKey()).isEqualTo(ScheduleTriggers.jobKey(7));

        OperableTrigger operable = (OperableTrigger) trigger;
        // The trigger starts now, so the crossing looked at is a future one: summer time ends on 31 October 2027,
        // 06:00 in Berlin is 04:00Z on the 30th and 05:00Z on the 31st.
        Date first = operable.getFireTimeAfter(Date.from(Instant.parse("2027-10-29T12:00:00Z")));
        assertThat(first.toInstant()).isEqualTo(Instant.parse("2027-10-30T04:00:00Z"));
        assertThat(operable.getFireTimeAfter(first).toInstant()).isEqualTo(Instant.parse("2027-10-31T05:00:00Z"));
        assertThat(ScheduleTriggers.trigger(7, "0 0 6 * * ?", "UTC", MisfirePolicy.SKIP).getMisfireInstruction())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
    }

    @Test
    void a_bad_cron_is_refused_naming_the_field_and_what_is_wrong() {
        assertThatThrownBy(() -> ScheduleTriggers.trigger(1, "0 61 * * * ?", "UTC", MisfirePolicy.SKIP))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("cron");
                    assertThat(e.getMessage()).contains("0 61 * * * ?").contains("Quartz syntax");
                });
        assertThatThrownBy(() -> ScheduleTriggers.nextFireTimes("", "UTC", Instant.now(), 5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cron"));
    }

    @Test
    void an_unknown_time_zone_is_refused_naming_the_field() {
        assertThatThrownBy(() -> ScheduleTriggers.trigger(1, "0 0 6 * * ?", "Europe/Atlantis", MisfirePolicy.SKIP))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("time_zone");
                    assertThat(e.getMessage()).contains("Europe/Atlantis");
                });
    }
}
