package com.fitnesscrm.orchestrator.scheduling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Status;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No suggestion breaks a hard rule, over 10,000 random calendars: time zones with and without daylight saving, most
 * horizons across a clock change, given or learned availability (dated entries too), bookings of every status,
 * buffers, daily caps and minimum gaps. Each rule is checked here from the input itself, not by the engine's own
 * judge; each case has its own seed, so a failure names the seed that reproduces it.
 */
class SchedulingEnginePropertiesTest {

    static final int CASES = 10_000;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("Europe/London"));
    /** Days with a clock change in the zones above, in 2026. */
    private static final List<LocalDate> CHANGES = List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25),
            LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 10, 4));

    private final SchedulingEngine engine = new SchedulingEngine();

    @Test
    void no_suggestion_in_ten_thousand_random_calendars_breaks_a_hard_rule() {
        int slotsChecked = 0;
        int casesWithSlots = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            SchedulingInput input = randomInput(new Random(seed));
            SchedulingOutput out = engine.suggest(input);
            List<Suggestion> all = seed % 10 == 0 ? engine.rankAll(input) : out.suggestions();
            for (Suggestion s : all) {
                String broken = breaks(input, out, s);
                assertThat(broken).as("seed %d, slot %s", seed, s.start()).isNull();
                slotsChecked++;
            }
            assertThat(out.suggestions()).as("seed %d", seed).hasSizeLessThanOrEqualTo(input.count());
            casesWithSlots += out.suggestions().isEmpty() ? 0 : 1;
        }
        // The cases must be able to fail: most have free slots to check.
        assertThat(casesWithSlots).isGreaterThan(CASES / 2);
        assertThat(slotsChecked).isGreaterThan(CASES * 2);
    }

    static SchedulingInput randomInput(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        LocalDate around = random.nextInt(4) == 0 ? LocalDate.of(2026, 6, 1).plusDays(random.nextInt(120))
                : CHANGES.get(random.nextInt(CHANGES.size())).minusDays(random.nextInt(5));
        LocalDate from = around.minusDays(random.nextInt(3));
        LocalDate to = from.plusDays(random.nextInt(10));
        Instant now = around.atTime(random.nextInt(24), random.nextInt(60)).atZone(zone).toInstant();
        int minutes = List.of(30, 45, 60, 60, 90).get(random.nextInt(5));
        List<Availability> availability = new ArrayList<>();
        List<Booking> history = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            for (DayOfWeek day : DayOfWeek.values()) {
                int blocks = random.nextInt(3);
                int hour = random.nextInt(10);
                for (int b = 0; b < blocks && hour < 23; b++) {
                    int end = Math.min(24, hour + 1 + random.nextInt(8));
                    availability.add(new Availability(day, null, LocalTime.of(hour, random.nextInt(4) * 15 + 7 % 2),
                            end == 24 ? LocalTime.MAX : LocalTime.of(end, random.nextBoolean() ? 0 : 20)));
                    hour = end + random.nextInt(3);
                }
            }
            if (random.nextInt(3) == 0) {
                LocalDate date = from.plusDays(random.nextInt(3));
                availability.add(new Availability(null, date, LocalTime.of(random.nextInt(6), 10),
                        LocalTime.of(6 + random.nextInt(17), 0)));
            }
        } else {
            for (int i = 0; i < 200; i++) {
                ZonedDateTime start = now.atZone(zone).minusDays(1 + random.nextInt(180))
                        .withHour(6 + random.nextInt(14)).withMinute(0).withSecond(0).withNano(0);
                history.add(new Booking(start.toInstant(), start.plusMinutes(60).toInstant(), 1L,
                        Status.COMPLETED));
            }
        }
        List<Booking> existing = new ArrayList<>();
        int bookings = random.nextInt(30);
        for (int i = 0; i < bookings; i++) {
            ZonedDateTime start = from.atStartOfDay(zone).plusMinutes(random.nextInt(60 * 24 * 11) / 5 * 5);
            Status status = Status.values()[random.nextInt(Status.values().length)];
            existing.add(new Booking(start.toInstant(), start.plusMinutes(20 + random.nextInt(100)).toInstant(),
                    random.nextInt(3) == 0 ? 7L : 2L + random.nextInt(5), random.nextInt(6) == 0 ? null : status));
        }
        Integer cap = random.nextBoolean() ? null : 1 + random.nextInt(4);
        Integer minHours = random.nextInt(3) == 0 ? 12 + random.nextInt(48) : null;
        int buffer = List.of(0, 0, 5, 10, 15, 30).get(random.nextInt(6));
        List<String> wishes = random.nextBoolean() ? List.of() : List.of(List.of("monday morning", "weekends",
                "after 6pm", "before 9", "at 7am", "not friday", "tuesday or thursday", "lunchtime").get(
                random.nextInt(8)));
        return new SchedulingInput(7L, 3L, zone, now, from, to, minutes, 1 + random.nextInt(8), buffer, cap,
                minHours, availability, existing, history, List.of(), List.of(), List.of(), wishes, List.of(),
                java.util.Map.of());
    }

    /** The rule a slot breaks, judged from the input (availability: the blocks given, or those the answer lists). */
    static String breaks(SchedulingInput in, SchedulingOutput out, Suggestion s) {
        OffsetDateTime startOffset = OffsetDateTime.parse(s.start());
        ZonedDateTime start = startOffset.atZoneSameInstant(in.zone());
        ZonedDateTime end = OffsetDateTime.parse(s.end()).atZoneSameInstant(in.zone());
        if (!startOffset.getOffset().equals(start.getOffset())) {
            return "not in the trainer's offset";
        }
        if (Duration.between(start, end).toMinutes() != in.sessionMinutes()) {
            return "wrong length";
        }
        if (start.getMinute() % 15 != 0 || start.getSecond() != 0) {
            return "off the grid";
        }
        if (start.toInstant().isBefore(in.now())) {
            return "in the past";
        }
        if (start.toLocalDate().isBefore(in.from()) || start.toLocalDate().isAfter(in.to())) {
            return "outside the horizon";
        }
        if (!insideAvailability(in, out, start, end)) {
            return "outside availability";
        }
        long sameDay = 0;
        for (Booking b : in.existingSessions()) {
            if (b.status() == Status.CANCELLED) {
                continue;
            }
            Instant from = b.start().minus(Duration.ofMinutes(in.bufferMinutes()));
            Instant to = b.end().plus(Duration.ofMinutes(in.bufferMinutes()));
            if (start.toInstant().isBefore(to) && from.isBefore(end.toInstant())) {
                return "overlaps " + b;
            }
            if (b.start().atZone(in.zone()).toLocalDate().equals(start.toLocalDate())) {
                sameDay++;
            }
            if (in.minHoursBetween() != null && Long.valueOf(7L).equals(b.clientId())
                    && Duration.between(b.start(), start.toInstant()).abs().toMinutes() < 60L * in.minHoursBetween()) {
                return "too close to the client's " + b;
            }
        }
        if (in.maxSessionsPerDay() != null && sameDay >= in.maxSessionsPerDay()) {
            return "over the daily cap";
        }
        return null;
    }

    private static boolean insideAvailability(SchedulingInput in, SchedulingOutput out, ZonedDateTime start,
                                              ZonedDateTime end) {
        if (!end.toLocalDate().equals(start.toLocalDate())
                && !(end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(start.toLocalDate().plusDays(1)))) {
            return false;
        }
        LocalTime s = start.toLocalTime();
        LocalTime e = end.toLocalDate().equals(start.toLocalDate()) ? end.toLocalTime() : LocalTime.MAX;
        LocalDate date = start.toLocalDate();
        List<Availability> blocks;
        if (!in.availability().isEmpty()) {
            List<Availability> dated = in.availability().stream().filter(a -> date.equals(a.date())).toList();
            blocks = !dated.isEmpty() ? dated : in.availability().stream()
                    .filter(a -> a.date() == null && a.weekday() == date.getDayOfWeek()).toList();
        } else {
            blocks = out.availability().stream()
                    .filter(b -> b.weekday().equals(date.getDayOfWeek().toString().substring(0, 3).toLowerCase()))
                    .map(b -> new Availability(date.getDayOfWeek(), null, LocalTime.parse(b.start()),
                            b.end().equals("24:00") ? LocalTime.MAX : LocalTime.parse(b.end()))).toList();
        }
        return blocks.stream().anyMatch(b -> !s.isBefore(b.start()) && !e.isAfter(b.end()));
    }
}
