package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Attendance;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A test's scheduling input, with the defaults a main-backend call gets, changed one field at a time. */
final class Inputs {

    /** Monday 30 November 2026, 06:00 in Berlin: the horizon starts today. */
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    ZoneId zone = BERLIN;
    Instant now = TODAY.atTime(6, 0).atZone(BERLIN).toInstant();
    LocalDate from = TODAY;
    LocalDate to = TODAY.plusDays(13);
    int sessionMinutes = 60;
    int count = 3;
    int buffer = 0;
    Integer maxPerDay;
    Integer minHoursBetween;
    Long clientId = 7L;
    List<Availability> availability = new ArrayList<>();
    List<Booking> existing = new ArrayList<>();
    List<Booking> trainerHistory = new ArrayList<>();
    List<Attendance> clientHistory = new ArrayList<>();
    List<Attendance> gymHistory = new ArrayList<>();
    List<Window> windows = new ArrayList<>();
    List<String> preferredTimes = new ArrayList<>();
    LocalDate week;
    List<SchedulingInput.Request> requests = new ArrayList<>();
    java.time.Duration timeLimit = java.time.Duration.ofSeconds(2);

    SchedulingInput build() {
        return new SchedulingInput(clientId, 3L, zone, now, from, to, sessionMinutes, count, buffer, maxPerDay,
                minHoursBetween, availability, existing, trainerHistory, clientHistory, gymHistory, windows,
                preferredTimes, List.of(), Map.of(), week, requests, timeLimit);
    }

    Inputs weekdays(String start, String end) {
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            availability.add(new Availability(day, null, LocalTime.parse(start), LocalTime.parse(end)));
        }
        return this;
    }

    Instant at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(zone).toInstant();
    }

    Inputs booked(LocalDate date, String start, int minutes, Long client) {
        Instant s = at(date, start);
        existing.add(new Booking(s, s.plusSeconds(60L * minutes), client, SchedulingInput.Status.SCHEDULED));
        return this;
    }

    /** The client's past sessions: {@code weeks} of one weekday at one time, {@code kept} of them completed. */
    Inputs history(List<Attendance> into, DayOfWeek day, String time, int weeks, int kept) {
        LocalDate date = TODAY.minusWeeks(weeks).with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        for (int i = 0; i < weeks; i++, date = date.plusWeeks(1)) {
            if (!date.isBefore(TODAY)) {
                date = date.minusWeeks(weeks);
            }
            into.add(new Attendance(at(date, time), i < kept ? SchedulingInput.Status.COMPLETED
                    : SchedulingInput.Status.NO_SHOW));
        }
        return this;
    }
}
