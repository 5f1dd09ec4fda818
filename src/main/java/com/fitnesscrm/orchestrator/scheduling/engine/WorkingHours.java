package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trainer's working blocks for a date: given, learned from the last 26 weeks of their sessions, or the defaults.
 * Learned: an hour of a weekday counts as worked when sessions touched it on at least {@value #MIN_DAYS_IN_HOUR}
 * different days (regular or now and then); worked hours in a row merge into one block, so an hour never worked, such
 * as lunch, splits the day.
 */
final class WorkingHours {

    static final int MIN_DAYS_IN_HOUR = 2;
    /** With nothing given and nothing to learn from: weekdays 07:00–20:00, Saturday 08:00–13:00. */
    static final List<Availability> DEFAULTS = defaults();

    enum Source {
        GIVEN, LEARNED, DEFAULT;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Source source;
    private final List<Availability> blocks;
    private final Map<LocalDate, List<Availability>> byDate = new java.util.HashMap<>();

    private WorkingHours(Source source, List<Availability> blocks) {
        this.source = source;
        this.blocks = List.copyOf(blocks);
    }

    static WorkingHours of(SchedulingInput input) {
        if (!input.availability().isEmpty()) {
            return new WorkingHours(Source.GIVEN, input.availability());
        }
        List<Availability> learned = learn(input.trainerHistory(), input.existingSessions(), input.zone(),
                input.now());
        return learned.isEmpty() ? new WorkingHours(Source.DEFAULT, DEFAULTS)
                : new WorkingHours(Source.LEARNED, learned);
    }

    Source source() {
        return source;
    }

    List<Availability> blocks() {
        return blocks;
    }

    /** The blocks of one date, earliest first: its own entries if it has any, else its weekday's. */
    List<Availability> on(LocalDate date) {
        return byDate.computeIfAbsent(date, this::find);
    }

    private List<Availability> find(LocalDate date) {
        List<Availability> dated = blocks.stream().filter(b -> date.equals(b.date())).toList();
        List<Availability> chosen = !dated.isEmpty() ? dated
                : blocks.stream().filter(b -> b.date() == null && b.weekday() == date.getDayOfWeek()).toList();
        return chosen.stream().sorted(java.util.Comparator.comparing(Availability::start)).toList();
    }

    static List<Availability> learn(List<Booking> history, List<Booking> existing, ZoneId zone, Instant now) {
        Instant since = now.atZone(zone).minusWeeks(SchedulingInput.LEARNING_WEEKS).toInstant();
        Map<DayOfWeek, Map<Integer, Set<LocalDate>>> worked = new TreeMap<>();
        Set<List<Instant>> seen = new HashSet<>();
        List<Booking> all = new ArrayList<>(history);
        all.addAll(existing);
        for (Booking session : all) {
            if (session.start().isBefore(since) || !session.start().isBefore(now)
                    || !seen.add(List.of(session.start(), session.end()))) {
                continue;
            }
            ZonedDateTime start = session.start().atZone(zone);
            ZonedDateTime end = session.end().atZone(zone);
            LocalDate date = start.toLocalDate();
            int firstHour = start.getHour();
            // An hour counts when the session runs in it: 07:00–08:00 works hour 7, 07:30–08:30 hours 7 and 8.
            int lastHour = end.toLocalDate().equals(date)
                    ? (end.getMinute() == 0 && end.getSecond() == 0 ? end.getHour() - 1 : end.getHour()) : 23;
            for (int hour = firstHour; hour <= Math.max(firstHour, lastHour); hour++) {
                worked.computeIfAbsent(start.getDayOfWeek(), d -> new TreeMap<>())
                        .computeIfAbsent(hour, h -> new HashSet<>()).add(date);
            }
        }
        List<Availability> blocks = new ArrayList<>();
        worked.forEach((day, hours) -> {
            Integer blockStart = null;
            int previous = -2;
            for (var entry : hours.entrySet()) {
                if (entry.getValue().size() < MIN_DAYS_IN_HOUR) {
                    continue;
                }
                int hour = entry.getKey();
                if (blockStart != null && hour != previous + 1) {
                    blocks.add(block(day, blockStart, previous + 1));
                    blockStart = null;
                }
                if (blockStart == null) {
                    blockStart = hour;
                }
                previous = hour;
            }
            if (blockStart != null) {
                blocks.add(block(day, blockStart, previous + 1));
            }
        });
        return blocks;
    }

    private static Availability block(DayOfWeek day, int fromHour, int toHour) {
        return new Availability(day, null, LocalTime.of(fromHour, 0),
                toHour >= 24 ? LocalTime.MAX : LocalTime.of(toHour, 0));
    }

    private static List<Availability> defaults() {
        List<Availability> defaults = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            defaults.add(new Availability(day, null, LocalTime.of(7, 0), LocalTime.of(20, 0)));
        }
        defaults.add(new Availability(DayOfWeek.SATURDAY, null, LocalTime.of(8, 0), LocalTime.of(13, 0)));
        return defaults;
    }
}
