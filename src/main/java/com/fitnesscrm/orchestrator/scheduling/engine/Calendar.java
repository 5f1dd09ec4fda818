package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trainer's calendar as the hard rules see it: working blocks, the sessions that take time (with the buffer on
 * both sides), sessions per day, the horizon and "now". {@link #breaks} is the one judge of a slot; the suggestions
 * and the week optimiser both ask it, and {@code SchedulingEngine.violations} asks it again of an answer.
 */
final class Calendar {

    static final int GRID_MINUTES = 15;

    private final SchedulingInput input;
    private final WorkingHours hours;
    private final Map<LocalDate, List<Booking>> busyByDate = new HashMap<>();
    private final List<Booking> clientSessions = new ArrayList<>();

    Calendar(SchedulingInput input, WorkingHours hours) {
        this.input = input;
        this.hours = hours;
        for (Booking session : input.existingSessions()) {
            if (!session.blocks()) {
                continue;
            }
            busyByDate.computeIfAbsent(date(session.start()), d -> new ArrayList<>()).add(session);
            if (input.clientId() != null && input.clientId().equals(session.clientId())) {
                clientSessions.add(session);
            }
        }
        busyByDate.values().forEach(list -> list.sort(Comparator.comparing(Booking::start)));
    }

    SchedulingInput input() {
        return input;
    }

    WorkingHours hours() {
        return hours;
    }

    LocalDate date(Instant instant) {
        return instant.atZone(input.zone()).toLocalDate();
    }

    List<Booking> busyOn(LocalDate date) {
        return busyByDate.getOrDefault(date, List.of());
    }

    /** Every slot start of the horizon on the 15-minute grid whose slot lies inside a working block (local time). */
    List<ZonedDateTime> gridStarts(int minutes) {
        List<ZonedDateTime> starts = new ArrayList<>();
        LocalDate today = input.now().atZone(input.zone()).toLocalDate();
        LocalDate first = input.from().isBefore(today) ? today : input.from();
        for (LocalDate date = first; !date.isAfter(input.to()); date = date.plusDays(1)) {
            for (Availability block : hours.on(date)) {
                int startMinute = block.start().toSecondOfDay() / 60;
                int aligned = (startMinute + GRID_MINUTES - 1) / GRID_MINUTES * GRID_MINUTES;
                for (int minute = aligned; minute + minutes <= blockEndMinute(block); minute += GRID_MINUTES) {
                    LocalDateTime local = date.atTime(LocalTime.of(minute / 60, minute % 60));
                    ZonedDateTime start = local.atZone(input.zone());
                    // A wall-clock time skipped by a daylight-saving change does not exist: no slot starts there.
                    if (start.toLocalDateTime().equals(local)) {
                        starts.add(start);
                    }
                }
            }
        }
        return starts;
    }

    private static int blockEndMinute(Availability block) {
        return block.end().equals(LocalTime.MAX) ? 24 * 60 : block.end().toSecondOfDay() / 60;
    }

    /** The working block a slot lies in (by the wall clock at its start and end), if any. */
    Optional<Availability> blockOf(ZonedDateTime start, ZonedDateTime end) {
        LocalDate date = start.toLocalDate();
        int from = start.toLocalTime().toSecondOfDay() / 60;
        int to = end.toLocalDate().equals(date) ? end.toLocalTime().toSecondOfDay() / 60
                : end.toLocalDate().equals(date.plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? 24 * 60 : -1;
        if (to <= from) {
            return Optional.empty();
        }
        return hours.on(date).stream()
                .filter(b -> b.start().toSecondOfDay() / 60 <= from && to <= blockEndMinute(b))
                .findFirst();
    }

    /**
     * The hard rule a slot breaks, as a sentence, or {@code null} when it breaks none. {@code extra} are sessions
     * planned alongside (the week optimiser's other assignments), {@code clientExtra} those of the same client.
     */
    String breaks(Instant startInstant, Instant endInstant, List<Booking> extra, List<Booking> clientExtra,
                  Integer minHoursBetween) {
        ZonedDateTime start = startInstant.atZone(input.zone());
        ZonedDateTime end = endInstant.atZone(input.zone());
        if (!end.isAfter(start)) {
            return "ends before it starts";
        }
        if (start.getMinute() % GRID_MINUTES != 0 || start.getSecond() != 0 || start.getNano() != 0) {
            return "is off the 15-minute grid";
        }
        if (startInstant.isBefore(input.now())) {
            return "is in the past";
        }
        if (start.toLocalDate().isBefore(input.from()) || start.toLocalDate().isAfter(input.to())) {
            return "is outside the horizon";
        }
        if (blockOf(start, end).isEmpty()) {
            return "is outside the trainer's availability";
        }
        Duration buffer = Duration.ofMinutes(input.bufferMinutes());
        int sameDay = 0;
        LocalDate date = start.toLocalDate();
        for (List<Booking> list : List.of(busyOn(date.minusDays(1)), busyOn(date), busyOn(date.plusDays(1)), extra)) {
            for (Booking other : list) {
                if (other.start().isBefore(endInstant.plus(buffer)) && startInstant.isBefore(other.end().plus(buffer))) {
                    return "overlaps a session at " + other.start().atZone(input.zone()).toLocalTime()
                            + (buffer.isZero() ? "" : " or its buffer");
                }
                if (date(other.start()).equals(date)) {
                    sameDay++;
                }
            }
        }
        if (input.maxSessionsPerDay() != null && sameDay + 1 > input.maxSessionsPerDay()) {
            return "goes over " + input.maxSessionsPerDay() + " sessions that day";
        }
        if (minHoursBetween != null) {
            Duration between = Duration.ofHours(minHoursBetween);
            for (List<Booking> list : List.of(clientSessions, clientExtra)) {
                for (Booking other : list) {
                    if (Duration.between(other.start(), startInstant).abs().compareTo(between) < 0) {
                        return "is less than " + minHoursBetween + " hours from the client's session at "
                                + other.start().atZone(input.zone()).toLocalDateTime();
                    }
                }
            }
        }
        return null;
    }
}
