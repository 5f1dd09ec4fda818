package com.fitnesscrm.orchestrator.scheduling.engine;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One wish of the client, as read: on these days (empty: any), between {@code from} and {@code to} (a slot must lie
 * inside), or starting at {@code at}; {@code negative} for "not friday". {@code text} is what the client wrote.
 */
record Preference(String text, Set<DayOfWeek> days, LocalTime from, LocalTime to, LocalTime at, boolean negative,
                  String wish) {

    /** The wish a preference belongs to: its phrase, or {@code windows} for the structured windows together. */
    Preference(String text, Set<DayOfWeek> days, LocalTime from, LocalTime to, LocalTime at, boolean negative) {
        this(text, days, from, to, at, negative, text);
    }

    /** The latest end a window can have: "after 6pm" runs to midnight. */
    static final LocalTime END_OF_DAY = LocalTime.MAX;

    Preference {
        days = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
    }

    boolean anyDay() {
        return days.isEmpty();
    }

    boolean anyTime() {
        return from == null && at == null;
    }

    /**
     * How well a slot fits: 1 on the day and inside the window (or starting at {@code at}); 0.5 on the day with the
     * time 30 minutes or less off, or at the time on another day; 0 otherwise. For a negative preference, 1 means
     * the slot is what the client does not want.
     */
    double match(DayOfWeek day, LocalTime start, LocalTime end) {
        boolean dayOk = anyDay() || days.contains(day);
        double time;
        if (at != null) {
            long off = Math.abs(start.toSecondOfDay() - at.toSecondOfDay()) / 60;
            time = off == 0 ? 1 : off <= 30 ? 0.5 : 0;
        } else if (from != null) {
            boolean inside = !start.isBefore(from) && (!end.isAfter(to) || to.equals(END_OF_DAY));
            boolean near = !start.isBefore(from.minusMinutes(30)) && !end.isAfter(plus(to, 30))
                    && start.isBefore(to) && end.isAfter(from);
            time = inside ? 1 : near ? 0.5 : 0;
        } else {
            time = 1;
        }
        if (negative) {
            // "not friday mornings" rules out what lies on those days in that window, nothing near it.
            return dayOk && time == 1 ? 1 : 0;
        }
        if (dayOk) {
            return time;
        }
        return time == 1 && !anyTime() ? 0.5 : 0;
    }

    private static LocalTime plus(LocalTime time, int minutes) {
        return time.equals(END_OF_DAY) || time.isAfter(END_OF_DAY.minusMinutes(minutes)) ? END_OF_DAY
                : time.plusMinutes(minutes);
    }

    /** How the engine read it, e.g. {@code "monday morning: Mon 06:00–12:00"}. */
    String described() {
        String dayText = anyDay() ? "any day" : days.stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining("/"));
        String timeText = at != null ? "starting " + at
                : from != null ? from + "–" + (to.equals(END_OF_DAY) ? "24:00" : to.toString()) : "any time";
        return text + ": " + (negative ? "not " : "") + dayText + " " + timeText;
    }
}
