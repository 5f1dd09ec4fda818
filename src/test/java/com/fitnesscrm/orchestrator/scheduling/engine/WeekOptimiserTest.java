package com.fitnesscrm.orchestrator.scheduling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Request;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Status;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.engine.WeekModel.Placement;
import com.fitnesscrm.orchestrator.scheduling.engine.WeekModel.Start;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeekOptimiserTest {

    /** Monday 7 December 2026, the week after Inputs.TODAY. */
    private static final LocalDate WEEK = Inputs.TODAY.plusDays(7);
    private final SchedulingEngine engine = new SchedulingEngine();

    @Test
    void a_feasible_week_leaves_no_request_unassigned_and_breaks_no_hard_rule() {
        Inputs in = new Inputs().weekdays("07:00", "20:00");
        in.week = WEEK;
        in.maxPerDay = 8;
        in.buffer = 15;
        for (long client = 1; client <= 8; client++) {
            in.requests.add(new Request(client, 3, null, List.of(), List.of(client % 2 == 0 ? "mornings"
                    : "after 5pm"), client == 1 ? 48 : null));
        }
        SchedulingInput input = in.build();

        SchedulingOutput out = engine.optimiseWeek(input);

        assertThat(out.week().unassigned()).isEmpty();
        assertThat(out.week().assignments()).hasSize(24);
        assertThat(out.week().objective().hardViolations()).isZero();
        assertThat(engine.weekViolations(input, out.week())).isEmpty();
        assertThat(out.week().assignments()).filteredOn(a -> a.clientId() == 2).allSatisfy(a ->
                assertThat(java.time.OffsetDateTime.parse(a.start()).getHour()).isLessThan(12));
    }

    @Test
    void a_week_with_more_requests_than_room_places_what_fits_and_says_why_the_rest_did_not() {
        Inputs in = new Inputs();
        in.availability.add(new Availability(DayOfWeek.TUESDAY, null, LocalTime.of(9, 0), LocalTime.of(11, 0)));
        in.week = WEEK;
        in.requests.add(new Request(1, 2, null, List.of(), List.of(), 1));
        in.requests.add(new Request(2, 2, null, List.of(), List.of(), 1));
        SchedulingInput input = in.build();

        SchedulingOutput out = engine.optimiseWeek(input);

        assertThat(out.week().assignments()).hasSize(2);
        assertThat(out.week().unassigned()).hasSize(2).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        assertThat(engine.weekViolations(input, out.week())).isEmpty();
    }

    @Test
    void the_main_backends_week_check_lists_an_overlap_and_moves_the_unconfirmed_session_only() {
        Inputs in = new Inputs().weekdays("07:00", "12:00");
        in.week = WEEK;
        LocalDate tuesday = WEEK.plusDays(1);
        in.existing.add(new Booking(in.at(tuesday, "09:00"), in.at(tuesday, "10:00"), 4L, Status.CONFIRMED));
        in.existing.add(new Booking(in.at(tuesday, "09:30"), in.at(tuesday, "10:30"), 5L, Status.SCHEDULED));
        in.existing.add(new Booking(in.at(tuesday, "11:00"), in.at(tuesday, "12:00"), 6L, Status.SCHEDULED));
        SchedulingInput input = in.build();

        SchedulingOutput out = engine.optimiseWeek(input);

        assertThat(out.week().conflicts()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("overlap");
            assertThat(c.moves()).singleElement().satisfies(m -> {
                assertThat(m.clientId()).isEqualTo(5L);
                assertThat(m.from()).isEqualTo("2026-12-08T09:30+01:00");
                assertThat(m.to()).isNotNull();
            });
        });
        assertThat(out.week().assignments()).noneMatch(a -> a.clientId() == 4L);
        assertThat(out.week().assignments()).anyMatch(a -> a.clientId() == 6L
                && a.start().equals("2026-12-08T11:00+01:00") && a.movedFrom() == null);
        assertThat(out.week().objective().hardViolations()).isZero();
        assertThat(engine.weekViolations(input, out.week())).isEmpty();
    }

    @Test
    void on_small_instances_the_objective_is_within_five_percent_of_the_brute_force_optimum() {
        WeekOptimiser optimiser = new WeekOptimiser();
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            Inputs in = new Inputs();
            in.week = WEEK;
            in.timeLimit = Duration.ofSeconds(2);
            in.maxPerDay = 1 + random.nextInt(2);
            in.buffer = random.nextBoolean() ? 0 : 15;
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)) {
                int from = 7 + random.nextInt(4);
                in.availability.add(new Availability(day, null, LocalTime.of(from, 0),
                        LocalTime.of(from + 2 + random.nextInt(2), 0)));
            }
            for (int r = 0; r < 2; r++) {
                in.requests.add(new Request(r + 1, 1 + random.nextInt(2), null, List.of(),
                        List.of(random.nextBoolean() ? "monday" : "wednesday morning"), 1));
            }
            ShowRates rates = new ShowRates(List.of(), List.of(), in.zone, in.now);
            WeekOptimiser.Solved solved = optimiser.solve(in.build(), rates, rates);
            List<Placement> placements = solved.week().placements;
            WeekModel.Parts found = WeekModel.parts(placements, solved.week().facts);
            WeekModel.Parts best = bruteForce(placements, solved.week().facts);

            assertThat(found.hard()).as("seed %d", seed).isZero();
            assertThat(found.unassigned()).as("seed %d", seed).isEqualTo(best.unassigned());
            long optimum = best.score().softScore();
            assertThat((double) found.score().softScore()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(optimum - 0.05 * Math.abs(optimum));
            compared++;
        }
        assertThat(compared).isEqualTo(12);
    }

    /** Every combination of starts (or none) for every placement; the best feasible by the model's own score. */
    private static WeekModel.Parts bruteForce(List<Placement> placements, WeekModel.Facts facts) {
        WeekModel.Parts[] best = {null};
        Start[] saved = placements.stream().map(p -> p.start).toArray(Start[]::new);
        enumerate(placements, 0, facts, best);
        for (int i = 0; i < placements.size(); i++) {
            placements.get(i).start = saved[i];
        }
        return best[0];
    }

    private static void enumerate(List<Placement> placements, int i, WeekModel.Facts facts, WeekModel.Parts[] best) {
        if (i == placements.size()) {
            WeekModel.Parts parts = WeekModel.parts(placements, facts);
            if (parts.hard() == 0 && (best[0] == null || parts.score().compareTo(best[0].score()) > 0)) {
                best[0] = parts;
            }
            return;
        }
        Placement p = placements.get(i);
        p.start = null;
        enumerate(placements, i + 1, facts, best);
        for (Start start : p.starts) {
            p.start = start;
            enumerate(placements, i + 1, facts, best);
        }
        p.start = null;
    }
}
