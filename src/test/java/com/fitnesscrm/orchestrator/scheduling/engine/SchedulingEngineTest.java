package com.fitnesscrm.orchestrator.scheduling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingEngineTest {

    private final SchedulingEngine engine = new SchedulingEngine();

    private static ZonedDateTime start(Suggestion s, ZoneId zone) {
        return OffsetDateTime.parse(s.start()).atZoneSameInstant(zone);
    }

    @Test
    void a_client_who_misses_monday_mornings_gets_them_ranked_below_other_slots_with_a_lower_show_probability() {
        Inputs in = new Inputs().weekdays("07:00", "12:00");
        in.count = 40;
        // 10 Monday mornings, 2 kept; Tuesday to Friday mornings all kept.
        in.history(in.clientHistory, DayOfWeek.MONDAY, "08:00", 10, 2);
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            in.history(in.clientHistory, day, "08:00", 5, 5);
        }
        List<Suggestion> ranked = engine.rankAll(in.build());

        List<Suggestion> mondays = ranked.stream()
                .filter(s -> start(s, in.zone).getDayOfWeek() == DayOfWeek.MONDAY).toList();
        List<Suggestion> others = ranked.stream()
                .filter(s -> start(s, in.zone).getDayOfWeek() != DayOfWeek.MONDAY).toList();
        assertThat(mondays).isNotEmpty();
        assertThat(others).isNotEmpty();
        int bestMonday = mondays.stream().mapToInt(Suggestion::priority).min().orElseThrow();
        int worstOther = others.stream().mapToInt(Suggestion::priority).max().orElseThrow();
        assertThat(bestMonday).isGreaterThan(worstOther);
        double mondayShow = mondays.get(0).showProbability();
        assertThat(others).allSatisfy(s -> assertThat(s.showProbability()).isGreaterThan(mondayShow + 0.2));
        assertThat(mondays.get(0).reasons()).anyMatch(r -> r.contains("kept 2 of 10 Monday mornings"));
    }

    @Test
    void the_sentence_a_client_reads_says_an_evening_and_a_morning() {
        Inputs in = new Inputs().weekdays("07:00", "20:00");
        in.count = 60;
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
            in.history(in.clientHistory, day, "08:00", 5, 5);
            in.history(in.clientHistory, day, "18:00", 5, 5);
        }
        List<String> sentences = engine.rankAll(in.build()).stream().map(Suggestion::suggestion).toList();

        assertThat(sentences).anyMatch(text -> text.endsWith("— an evening you almost always keep"))
                .anyMatch(text -> text.endsWith("— a morning you almost always keep"))
                .noneMatch(text -> text.contains(" a evening") || text.contains(" a afternoon"));
    }

    @Test
    void one_missed_monday_costs_little_and_ten_cost_a_lot() {
        Inputs one = new Inputs().weekdays("07:00", "12:00");
        one.history(one.clientHistory, DayOfWeek.MONDAY, "08:00", 1, 0);
        one.history(one.clientHistory, DayOfWeek.TUESDAY, "08:00", 20, 19);
        Inputs ten = new Inputs().weekdays("07:00", "12:00");
        ten.history(ten.clientHistory, DayOfWeek.MONDAY, "08:00", 10, 0);
        ten.history(ten.clientHistory, DayOfWeek.TUESDAY, "08:00", 20, 19);
        for (Inputs in : List.of(one, ten)) {
            in.preferredTimes.add("monday morning");
        }

        double afterOne = mondayShow(engine.rankAll(one.build()));
        double afterTen = mondayShow(engine.rankAll(ten.build()));

        assertThat(afterOne).isGreaterThan(0.75);
        assertThat(afterTen).isLessThan(0.5);
    }

    private static double mondayShow(List<Suggestion> ranked) {
        return ranked.stream()
                .filter(s -> start(s, Inputs.BERLIN).getDayOfWeek() == DayOfWeek.MONDAY
                        && start(s, Inputs.BERLIN).getHour() < 12)
                .mapToDouble(Suggestion::showProbability).findFirst().orElseThrow();
    }

    @Test
    void a_new_client_gets_the_gyms_rates_per_weekday_and_part_of_day() {
        Inputs in = new Inputs().weekdays("07:00", "20:00");
        in.count = 60;
        // The gym: mornings mostly kept (18 of 20), evenings half (10 of 20).
        in.history(in.gymHistory, DayOfWeek.WEDNESDAY, "08:00", 20, 18);
        in.history(in.gymHistory, DayOfWeek.WEDNESDAY, "18:00", 20, 10);
        SchedulingOutput out = engine.suggest(in.build());

        assertThat(out.showRates().clientSessions()).isZero();
        assertThat(out.showRates().client()).isEqualTo(out.showRates().gym());
        double gym = out.showRates().gym();
        Suggestion morning = out.suggestions().stream().filter(s -> start(s, in.zone).getDayOfWeek()
                == DayOfWeek.WEDNESDAY && start(s, in.zone).getHour() < 12).findFirst().orElseThrow();
        Suggestion evening = out.suggestions().stream().filter(s -> start(s, in.zone).getDayOfWeek()
                == DayOfWeek.WEDNESDAY && start(s, in.zone).getHour() >= 17).findFirst().orElseThrow();
        // The gym's cell rates: (18 + 10 g) / 30 and (10 + 10 g) / 30, g the gym's overall rate.
        assertThat(morning.showProbability()).isCloseTo((18 + 10 * gym) / 30, org.assertj.core.data.Offset.offset(0.002));
        assertThat(evening.showProbability()).isCloseTo((10 + 10 * gym) / 30, org.assertj.core.data.Offset.offset(0.002));
        assertThat(morning.reasons()).anyMatch(r -> r.startsWith("No attendance history yet: the gym's"));
    }

    @Test
    void with_no_availability_given_suggestions_fall_inside_the_trainers_usual_hours() {
        Inputs in = new Inputs();
        in.count = 50;
        // 26 weeks of Tuesdays 07–12 and 13–17 (lunch never worked), and one Thursday 19:00 (once is not a habit).
        for (int week = 1; week <= 26; week++) {
            LocalDate tuesday = Inputs.TODAY.minusWeeks(week).with(DayOfWeek.TUESDAY);
            for (int hour : new int[] {7, 8, 9, 10, 11, 13, 14, 15, 16}) {
                if ((hour + week) % 3 != 0) {
                    Booking b = new Booking(in.at(tuesday, "%02d:00".formatted(hour)),
                            in.at(tuesday, "%02d:00".formatted(hour + 1)), 1L, SchedulingInput.Status.COMPLETED);
                    in.trainerHistory.add(b);
                }
            }
        }
        LocalDate thursday = Inputs.TODAY.minusWeeks(2).with(DayOfWeek.THURSDAY);
        in.trainerHistory.add(new Booking(in.at(thursday, "19:00"), in.at(thursday, "20:00"), 1L, null));
        SchedulingOutput out = engine.suggest(in.build());

        assertThat(out.availabilitySource()).isEqualTo("learned");
        assertThat(out.availability()).extracting(b -> b.weekday() + " " + b.start() + "–" + b.end())
                .containsExactly("tue 07:00–12:00", "tue 13:00–17:00");
        assertThat(out.suggestions()).isNotEmpty().allSatisfy(s -> {
            ZonedDateTime start = start(s, in.zone);
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            LocalTime t = start.toLocalTime();
            LocalTime end = t.plusHours(1);
            boolean morning = !t.isBefore(LocalTime.of(7, 0)) && !end.isAfter(LocalTime.NOON);
            boolean afternoon = !t.isBefore(LocalTime.of(13, 0)) && !end.isAfter(LocalTime.of(17, 0));
            assertThat(morning || afternoon).as(s.start()).isTrue();
        });
    }

    @Test
    void no_suggestion_overlaps_a_booking_or_its_buffer_on_either_side() {
        Inputs in = new Inputs().weekdays("07:00", "12:00");
        in.count = 100;
        in.buffer = 15;
        in.booked(Inputs.TODAY.plusDays(1), "09:00", 60, 2L);
        SchedulingOutput out = engine.suggest(in.build());

        List<Suggestion> tuesday = out.suggestions().stream()
                .filter(s -> start(s, in.zone).toLocalDate().equals(Inputs.TODAY.plusDays(1))).toList();
        assertThat(tuesday).extracting(s -> start(s, in.zone).toLocalTime().toString())
                .contains("07:45", "10:15").doesNotContain("08:00", "08:15", "09:00", "10:00");
    }

    @Test
    void a_cancelled_session_frees_its_time() {
        Inputs in = new Inputs().weekdays("09:00", "10:00");
        in.from = in.to = Inputs.TODAY.plusDays(1);
        Booking cancelled = new Booking(in.at(in.from, "09:00"), in.at(in.from, "10:00"), 2L,
                SchedulingInput.Status.CANCELLED);
        in.existing.add(cancelled);

        assertThat(engine.suggest(in.build()).suggestions()).hasSize(1);
    }

    @Test
    void a_full_day_gets_no_suggestion_and_a_session_next_to_another_scores_higher() {
        Inputs in = new Inputs().weekdays("07:00", "17:00");
        in.count = 200;
        in.maxPerDay = 2;
        LocalDate tuesday = Inputs.TODAY.plusDays(1);
        LocalDate wednesday = Inputs.TODAY.plusDays(2);
        in.booked(tuesday, "08:00", 60, 2L).booked(tuesday, "14:00", 60, 3L).booked(wednesday, "10:00", 60, 2L);
        List<Suggestion> ranked = engine.rankAll(in.build());

        assertThat(ranked).noneMatch(s -> start(s, in.zone).toLocalDate().equals(tuesday));
        Suggestion adjacent = find(ranked, wednesday, "11:00");
        Suggestion apart = find(ranked, wednesday, "14:00");
        assertThat(adjacent.score()).isGreaterThan(apart.score());
        assertThat(adjacent.reasons()).anyMatch(r -> r.contains("no idle gap"));
    }

    private static Suggestion find(List<Suggestion> ranked, LocalDate date, String time) {
        return ranked.stream().filter(s -> start(s, Inputs.BERLIN).toLocalDate().equals(date)
                && start(s, Inputs.BERLIN).toLocalTime().toString().equals(time)).findFirst().orElseThrow();
    }

    @Test
    void nothing_is_suggested_in_the_past_or_outside_the_horizon() {
        Inputs in = new Inputs().weekdays("07:00", "12:00");
        in.now = in.at(Inputs.TODAY, "09:10");
        in.from = Inputs.TODAY.minusDays(3);
        in.to = Inputs.TODAY.plusDays(2);
        in.count = 100;
        SchedulingOutput out = engine.suggest(in.build());

        assertThat(out.suggestions()).allSatisfy(s -> {
            assertThat(OffsetDateTime.parse(s.start()).toInstant()).isAfterOrEqualTo(in.now);
            assertThat(start(s, in.zone).toLocalDate()).isBeforeOrEqualTo(in.to);
        });
        assertThat(out.suggestions()).anyMatch(s -> s.start().startsWith("2026-11-30T09:15"));
    }

    @Test
    void a_client_is_not_offered_a_slot_closer_than_min_hours_between_to_their_own_session() {
        Inputs in = new Inputs().weekdays("07:00", "20:00");
        in.count = 200;
        in.minHoursBetween = 48;
        in.booked(Inputs.TODAY.plusDays(2), "10:00", 60, 7L);
        SchedulingOutput out = engine.suggest(in.build());

        var own = in.at(Inputs.TODAY.plusDays(2), "10:00");
        assertThat(out.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(
                Duration.between(own, OffsetDateTime.parse(s.start()).toInstant()).abs())
                .isGreaterThanOrEqualTo(Duration.ofHours(48)));
    }

    @Test
    void the_stated_preference_comes_first_and_unread_words_are_listed() {
        Inputs in = new Inputs().weekdays("07:00", "20:00");
        in.preferredTimes.addAll(List.of("tuesday or thursday", "after 6pm", "when the moon is full"));
        SchedulingOutput out = engine.suggest(in.build());

        Suggestion best = out.suggestions().get(0);
        ZonedDateTime start = start(best, in.zone);
        assertThat(start.getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(out.preferencesNotUnderstood()).containsExactly("when the moon is full");
        assertThat(out.preferencesUnderstood()).hasSize(2);
        assertThat(best.priority()).isEqualTo(1);
        assertThat(best.suggestion()).matches("(Tue|Thu) \\d+ (Dec|Nov), \\d\\d:\\d\\d–\\d\\d:\\d\\d — .+");
    }

    @Test
    void a_refused_day_is_offered_only_when_nothing_else_is_free() {
        Inputs in = new Inputs().weekdays("07:00", "09:00");
        in.preferredTimes.add("not friday");
        in.count = 3;
        SchedulingOutput out = engine.suggest(in.build());
        assertThat(out.suggestions()).noneMatch(s -> start(s, in.zone).getDayOfWeek() == DayOfWeek.FRIDAY);

        in.availability.removeIf(a -> a.weekday() != DayOfWeek.FRIDAY);
        SchedulingOutput fridays = engine.suggest(in.build());
        assertThat(fridays.suggestions()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.reasons().get(0)).contains("“not friday”"));
    }

    @Test
    void across_a_daylight_saving_change_slots_keep_the_trainers_wall_clock() {
        Inputs in = new Inputs();
        // The clocks go back on Sunday 25 October 2026 in Berlin (03:00 CEST → 02:00 CET).
        in.now = java.time.Instant.parse("2026-10-22T04:00:00Z");
        in.from = LocalDate.of(2026, 10, 22);
        in.to = LocalDate.of(2026, 10, 28);
        in.count = 100;
        for (DayOfWeek day : DayOfWeek.values()) {
            in.availability.add(new Availability(day, null, LocalTime.of(7, 0), LocalTime.of(9, 0)));
        }
        List<Suggestion> ranked = engine.rankAll(in.build());

        assertThat(ranked).extracting(Suggestion::start)
                .contains("2026-10-23T07:00+02:00", "2026-10-24T08:00+02:00", "2026-10-25T07:00+01:00",
                        "2026-10-26T08:00+01:00");
        assertThat(ranked).allSatisfy(s -> {
            ZonedDateTime start = start(s, in.zone);
            assertThat(start.toLocalTime()).isBetween(LocalTime.of(7, 0), LocalTime.of(8, 0));
        });
    }

    @Test
    void a_spring_forward_night_has_no_slot_at_an_hour_that_does_not_exist() {
        Inputs in = new Inputs();
        in.now = java.time.Instant.parse("2026-03-28T00:00:00Z");
        in.from = in.to = LocalDate.of(2026, 3, 29);
        in.count = 50;
        in.availability.add(new Availability(null, in.from, LocalTime.of(1, 0), LocalTime.of(5, 0)));
        List<Suggestion> ranked = engine.rankAll(in.build());

        assertThat(ranked).extracting(Suggestion::start).noneMatch(s -> s.contains("T02:"))
                .contains("2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00");
        assertThat(ranked).allSatisfy(s -> assertThat(Duration.between(
                OffsetDateTime.parse(s.start()), OffsetDateTime.parse(s.end()))).isEqualTo(Duration.ofHours(1)));
        assertThat(engine.violations(in.build(), ranked)).isEmpty();
    }

    @Test
    void violations_name_a_slot_that_was_moved_onto_a_booking() {
        Inputs in = new Inputs().weekdays("07:00", "12:00");
        in.booked(Inputs.TODAY.plusDays(1), "09:00", 60, 2L);
        Suggestion moved = new Suggestion("2026-12-01T09:00+01:00", "2026-12-01T10:00+01:00", 0.5, 0.8, 1, "x",
                List.of());

        assertThat(engine.violations(in.build(), List.of(moved))).singleElement().asString()
                .contains("overlaps a session at 09:00");
    }
}
