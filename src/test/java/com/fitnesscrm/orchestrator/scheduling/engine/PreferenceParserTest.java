package com.fitnesscrm.orchestrator.scheduling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreferenceParserTest {

    private final PreferenceParser parser = new PreferenceParser();

    private Preference only(String phrase) {
        PreferenceParser.Parsed parsed = parser.parse(phrase);
        assertThat(parsed.unread()).as(phrase).isEmpty();
        assertThat(parsed.preferences()).as(phrase).hasSize(1);
        return parsed.preferences().get(0);
    }

    @Test
    void monday_morning_is_monday_from_six_to_noon() {
        Preference p = only("Monday morning");
        assertThat(p.days()).containsExactly(DayOfWeek.MONDAY);
        assertThat(p.from()).isEqualTo(LocalTime.of(6, 0));
        assertThat(p.to()).isEqualTo(LocalTime.NOON);
    }

    @Test
    void weekdays_and_weekends_name_their_days() {
        assertThat(only("weekdays").days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(only("weekends").days()).isEqualTo(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(only("mon-wed").days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
    }

    @Test
    void parts_of_the_day_are_their_windows() {
        assertThat(only("lunchtime").from()).isEqualTo(LocalTime.of(11, 30));
        assertThat(only("lunchtime").to()).isEqualTo(LocalTime.of(14, 0));
        assertThat(only("afternoons").from()).isEqualTo(LocalTime.NOON);
        assertThat(only("evening").from()).isEqualTo(LocalTime.of(17, 0));
        assertThat(only("evening").days()).isEmpty();
    }

    @Test
    void before_after_and_at_read_the_hour_with_or_without_am_pm() {
        Preference before = only("before 9");
        assertThat(before.to()).isEqualTo(LocalTime.of(9, 0));
        assertThat(before.from()).isEqualTo(LocalTime.MIN);
        assertThat(only("after 6pm").from()).isEqualTo(LocalTime.of(18, 0));
        assertThat(only("after 6").from()).isEqualTo(LocalTime.of(18, 0));
        assertThat(only("at 7am").at()).isEqualTo(LocalTime.of(7, 0));
        assertThat(only("at 7:30 pm").at()).isEqualTo(LocalTime.of(19, 30));
        Preference range = only("between 5 and 7pm");
        assertThat(range.from()).isEqualTo(LocalTime.of(17, 0));
        assertThat(range.to()).isEqualTo(LocalTime.of(19, 0));
        assertThat(only("7-9am").to()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void alternatives_and_refusals() {
        assertThat(only("tuesday or thursday").days()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY,
                DayOfWeek.THURSDAY);
        Preference not = only("not friday");
        assertThat(not.negative()).isTrue();
        assertThat(not.days()).containsExactly(DayOfWeek.FRIDAY);
        assertThat(not.anyTime()).isTrue();
    }

    @Test
    void a_part_with_a_bound_is_both_and_days_combine_with_times() {
        Preference early = only("weekday mornings before 9");
        assertThat(early.days()).hasSize(5);
        assertThat(early.from()).isEqualTo(LocalTime.of(6, 0));
        assertThat(early.to()).isEqualTo(LocalTime.of(9, 0));
        assertThat(only("tuesdays after 6pm").days()).containsExactly(DayOfWeek.TUESDAY);
    }

    @Test
    void what_it_cannot_read_is_handed_back_not_thrown() {
        PreferenceParser.Parsed nonsense = parser.parse("when the moon is full");
        assertThat(nonsense.preferences()).isEmpty();
        assertThat(nonsense.unread()).contains("moon", "full");
        PreferenceParser.Parsed partly = parser.parse("monday mornings if my kids allow");
        assertThat(partly.preferences()).hasSize(1);
        assertThat(partly.unread()).containsExactly("kids", "allow");
        assertThat(parser.parse("at 25").preferences()).isEmpty();
    }

    @Test
    void a_slot_matches_fully_inside_the_window_half_when_close() {
        Preference monday = only("monday morning");
        assertThat(monday.match(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0))).isEqualTo(1);
        assertThat(monday.match(DayOfWeek.MONDAY, LocalTime.of(11, 30), LocalTime.of(12, 30))).isEqualTo(0.5);
        assertThat(monday.match(DayOfWeek.MONDAY, LocalTime.of(15, 0), LocalTime.of(16, 0))).isZero();
        assertThat(monday.match(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(8, 0))).isEqualTo(0.5);
        assertThat(only("at 7am").match(DayOfWeek.FRIDAY, LocalTime.of(7, 0), LocalTime.of(8, 0))).isEqualTo(1);
    }
}
