package com.fitnesscrm.orchestrator.scheduling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Request;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Assignment;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No assignment of the week optimiser breaks a hard rule, over random weeks drawn like the suggestions' property test
 * (zones, clock changes, availability, bookings of every status, buffers, caps), with random requests and a short time
 * limit. Each assignment is checked like a suggestion by the suggestions' own checker (with the others of its week as
 * sessions), plus one client's sessions apart. Fewer cases than the suggestions' 10,000: each is a Timefold solve.
 */
class WeekOptimiserPropertiesTest {

    static final int CASES = 150;
    private final SchedulingEngine engine = new SchedulingEngine();

    @Test
    void no_assignment_in_random_weeks_breaks_a_hard_rule() {
        int checked = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            Random random = new Random(seed);
            SchedulingInput base = SchedulingEnginePropertiesTest.randomInput(random);
            var monday = base.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<Request> requests = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(6); r++) {
                requests.add(new Request(20 + r, 1 + random.nextInt(3), random.nextBoolean() ? null : 45, List.of(),
                        List.of(), random.nextBoolean() ? null : 24));
            }
            SchedulingInput input = new SchedulingInput(null, 3L, base.zone(), base.now(), monday, monday.plusDays(6),
                    base.sessionMinutes(), 3, base.bufferMinutes(), base.maxSessionsPerDay(), null,
                    base.availability(), base.existingSessions(), base.trainerHistory(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), java.util.Map.of(), monday, requests, Duration.ofMillis(150));
            SchedulingOutput out = engine.optimiseWeek(input);
            List<Assignment> assignments = out.week().assignments();
            assertThat(out.week().objective().hardViolations()).as("seed %d", seed).isZero();
            for (int i = 0; i < assignments.size(); i++) {
                Assignment a = assignments.get(i);
                List<Booking> others = new ArrayList<>();
                for (int j = 0; j < assignments.size(); j++) {
                    if (j != i) {
                        Assignment o = assignments.get(j);
                        others.add(new Booking(OffsetDateTime.parse(o.start()).toInstant(),
                                OffsetDateTime.parse(o.end()).toInstant(), o.clientId(), null));
                    }
                }
                // Fixed sessions (pinned, or outside the week) and the other assignments are the calendar.
                List<Booking> calendar = new ArrayList<>(others);
                input.existingSessions().stream().filter(b -> !movable(input, b)).forEach(calendar::add);
                SchedulingInput judged = new SchedulingInput(null, 3L, input.zone(), input.now(), monday,
                        monday.plusDays(6), (int) Duration.between(OffsetDateTime.parse(a.start()),
                        OffsetDateTime.parse(a.end())).toMinutes(), 3, input.bufferMinutes(),
                        input.maxSessionsPerDay(), null, input.availability(), calendar, input.trainerHistory(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), java.util.Map.of());
                Suggestion asSlot = new Suggestion(a.start(), a.end(), a.score(), 0.5, 1, "-", List.of("-"));
                assertThat(SchedulingEnginePropertiesTest.breaks(judged, out, asSlot))
                        .as("seed %d, assignment %s", seed, a.start()).isNull();
                Request request = requests.stream().filter(r -> r.clientId() == a.clientId()).findFirst()
                        .orElse(null);
                for (Booking other : others) {
                    if (other.clientId() == a.clientId() && request != null) {
                        Duration apart = Duration.between(other.start(), OffsetDateTime.parse(a.start()).toInstant())
                                .abs();
                        if (request.minHoursBetween() != null) {
                            assertThat(apart).as("seed %d", seed)
                                    .isGreaterThanOrEqualTo(Duration.ofHours(request.minHoursBetween()));
                        } else {
                            assertThat(other.start().atZone(input.zone()).toLocalDate()).as("seed %d", seed)
                                    .isNotEqualTo(OffsetDateTime.parse(a.start()).atZoneSameInstant(input.zone())
                                            .toLocalDate());
                        }
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(CASES);
    }

    private static boolean movable(SchedulingInput input, Booking b) {
        var date = b.start().atZone(input.zone()).toLocalDate();
        return b.blocks() && !b.pinned(input.now()) && !date.isBefore(input.week())
                && !date.isAfter(input.week().plusDays(6));
    }
}
