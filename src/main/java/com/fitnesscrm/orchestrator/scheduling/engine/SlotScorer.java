package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soft side of a slot. {@code score = show-up probability × quality}: a slot the client will miss is worth little
 * however tidy it is. Quality is a weighted mean of the fit to the client's preferences (0.45; left out when they
 * stated none), how little idle time it leaves the trainer (0.25), how light the day is (0.15) and not being at the
 * very start or end of the trainer's day (0.15, unless the client asked for that time).
 */
final class SlotScorer {

    static final double W_FIT = 0.45;
    static final double W_COMPACT = 0.25;
    static final double W_BALANCE = 0.15;
    static final double W_EDGE = 0.15;
    /** A slot the client refused ("not friday") keeps this share of its quality. */
    static final double REFUSED = 0.2;

    /** The parts of a slot's score, for its reasons and for the week optimiser's objective. */
    record Scored(ZonedDateTime start, ZonedDateTime end, double score, double quality, ShowRates.Rate show,
                  double fit, Preference matched, Preference refused, double compact, double balance, double edge,
                  String compactWhy, int dayLoad) {
    }

    private final Calendar calendar;
    private final List<Preference> preferences;
    private final ShowRates rates;
    private final int heaviestDay;

    SlotScorer(Calendar calendar, List<Preference> preferences, ShowRates rates) {
        this.calendar = calendar;
        this.preferences = List.copyOf(preferences);
        this.rates = rates;
        int heaviest = 0;
        for (LocalDate d = calendar.input().from(); !d.isAfter(calendar.input().to()); d = d.plusDays(1)) {
            heaviest = Math.max(heaviest, calendar.busyOn(d).size());
        }
        this.heaviestDay = heaviest;
    }

    boolean hasPreferences() {
        return preferences.stream().anyMatch(p -> !p.negative());
    }

    Scored score(ZonedDateTime start, ZonedDateTime end, List<Booking> extraSameDay) {
        // Each phrase (and the windows together) is one wish; alternatives inside a wish take their best match,
        // and the wishes are averaged: "tuesday or thursday" + "after 6pm" fit a Tuesday evening fully.
        java.util.Map<String, Double> wishes = new java.util.LinkedHashMap<>();
        java.util.Map<String, Preference> best = new java.util.HashMap<>();
        Preference refused = null;
        for (Preference preference : preferences) {
            double match = preference.match(start.getDayOfWeek(), start.toLocalTime(), end.toLocalTime());
            if (preference.negative()) {
                if (match == 1 && refused == null) {
                    refused = preference;
                }
            } else {
                String wish = preference.wish();
                if (match > wishes.getOrDefault(wish, -1.0)) {
                    wishes.put(wish, match);
                    best.put(wish, preference);
                }
            }
        }
        double fit = wishes.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Preference matched = best.entrySet().stream().filter(e -> wishes.get(e.getKey()) > 0)
                .max(java.util.Comparator.comparingDouble(e -> wishes.get(e.getKey())))
                .map(java.util.Map.Entry::getValue).orElse(null);
        if (fit == 1 && wishes.size() > 1) {
            matched = new Preference(String.join("”, “", wishes.keySet()), java.util.Set.of(), null, null, null,
                    false);
        }
        LocalDate date = start.toLocalDate();
        List<Booking> day = new ArrayList<>(calendar.busyOn(date));
        day.addAll(extraSameDay);
        Compactness compactness = compactness(start, end, day);
        double balance = 1 - (double) day.size() / (Math.max(heaviestDay, day.size()) + 1);
        double edge = atEdge(start, end) && fit < 1 ? 0 : 1;
        double quality = hasPreferences()
                ? W_FIT * fit + W_COMPACT * compactness.value + W_BALANCE * balance + W_EDGE * edge
                : (W_COMPACT * compactness.value + W_BALANCE * balance + W_EDGE * edge) / (1 - W_FIT);
        if (refused != null) {
            quality *= REFUSED;
        }
        ShowRates.Rate show = rates.rate(start);
        return new Scored(start, end, show.probability() * quality, quality, show, fit, matched, refused,
                compactness.value, balance, edge, compactness.why, day.size());
    }

    private record Compactness(double value, String why) {
    }

    /**
     * 1 right next to a session (after the buffer); on an empty day 0.5; otherwise less the longer the gap to the
     * nearest session, and less again when the slot leaves a gap too short for another session.
     */
    private Compactness compactness(ZonedDateTime start, ZonedDateTime end, List<Booking> day) {
        if (day.isEmpty()) {
            return new Compactness(0.5, "a free day for the trainer so far");
        }
        int buffer = calendar.input().bufferMinutes();
        long nearest = Long.MAX_VALUE;
        boolean hole = false;
        Booking neighbour = null;
        for (Booking other : day) {
            long gap;
            if (!other.end().isAfter(start.toInstant())) {
                gap = Duration.between(other.end(), start.toInstant()).toMinutes() - buffer;
            } else if (!other.start().isBefore(end.toInstant())) {
                gap = Duration.between(end.toInstant(), other.start()).toMinutes() - buffer;
            } else {
                continue;
            }
            if (gap < nearest) {
                nearest = gap;
                neighbour = other;
            }
            if (gap > 0 && gap < calendar.input().sessionMinutes()) {
                hole = true;
            }
        }
        if (neighbour == null) {
            return new Compactness(0.5, "a free day for the trainer so far");
        }
        String at = neighbour.start().atZone(calendar.input().zone()).toLocalTime().toString();
        if (nearest < Calendar.GRID_MINUTES) {
            return new Compactness(1, "next to the trainer's " + at + " session, no idle gap");
        }
        double value = 0.6 * (1 - Math.min(nearest, 240) / 240.0) - (hole ? 0.3 : 0);
        return new Compactness(Math.max(0, value), hole
                ? "leaves a " + nearest + "-minute gap too short for another session"
                : nearest + " minutes from the trainer's nearest session");
    }

    /** Starts at the first or ends at the last working minute of the trainer's day. */
    private boolean atEdge(ZonedDateTime start, ZonedDateTime end) {
        List<Availability> blocks = calendar.hours().on(start.toLocalDate());
        if (blocks.isEmpty()) {
            return false;
        }
        boolean first = start.toLocalTime().equals(blocks.get(0).start());
        Availability last = blocks.get(blocks.size() - 1);
        boolean lastEnd = end.toLocalTime().equals(last.end())
                || (last.end().equals(java.time.LocalTime.MAX) && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
        return first || lastEnd;
    }

    /** The client's words: "Tue 8 Dec, 07:00–08:00 — a morning you almost always keep". */
    String sentence(Scored s) {
        String when = s.start().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + s.start().getDayOfMonth() + " " + s.start().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + ", " + s.start().toLocalTime() + "–" + s.end().toLocalTime();
        String part = ShowRates.Part.of(s.start().toLocalTime()).word;
        String keep = null;
        if (s.show().counted() >= 3) {
            double p = s.show().probability();
            String aPart = ("aeiou".indexOf(part.charAt(0)) >= 0 ? "an " : "a ") + part; // an evening
            keep = p >= 0.85 ? aPart + " you almost always keep"
                    : p >= 0.7 ? aPart + " you usually keep"
                    : p >= 0.5 ? aPart + " you keep more often than not"
                    : "though " + plural(s) + " have been hard to keep";
        }
        String fit = s.fit() == 1 && s.matched() != null ? "as you asked (“" + s.matched().text() + "”)" : null;
        String tail = fit != null && keep != null ? fit + ", " + keep : fit != null ? fit
                : keep != null ? keep : "a free " + part + " slot with your trainer";
        return when + " — " + tail;
    }

    private static String plural(Scored s) {
        return s.start().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + ShowRates.Part.of(s.start().toLocalTime()).word + "s";
    }

    List<String> reasons(Scored s, WorkingHours.Source source) {
        List<String> reasons = new ArrayList<>();
        if (s.refused() != null) {
            reasons.add("The client said “" + s.refused().text() + "”; offered only because little else is free.");
        } else if (s.matched() != null && s.fit() == 1) {
            reasons.add("Matches the preference “" + s.matched().text() + "”.");
        } else if (s.matched() != null && s.fit() > 0) {
            reasons.add("Close to the preference “" + s.matched().text() + "”.");
        } else if (hasPreferences()) {
            reasons.add("Outside the stated preferences.");
        }
        String cell = plural(s);
        int pct = (int) Math.round(100 * s.show().probability());
        if (s.show().counted() == 0) {
            reasons.add(rates.clientCounted() == 0
                    ? "No attendance history yet: the gym's show-up rate for " + cell + ", " + pct + " %."
                    : "No " + cell + " yet: " + pct + " % from the client's overall rate ("
                    + Math.round(100 * rates.clientRate()) + " %) and the gym's.");
        } else {
            reasons.add("Show-up probability " + pct + " %: kept " + s.show().kept() + " of " + s.show().counted()
                    + " " + cell + ", smoothed toward the client's overall " + Math.round(100 * rates.clientRate())
                    + " %.");
        }
        reasons.add(Character.toUpperCase(s.compactWhy().charAt(0)) + s.compactWhy().substring(1) + ".");
        reasons.add(s.dayLoad() == 0 ? "Nothing else booked that day."
                : s.dayLoad() + (s.dayLoad() == 1 ? " session" : " sessions") + " already booked that day.");
        if (s.edge() == 0) {
            reasons.add("At the very start or end of the trainer's day.");
        }
        reasons.add(switch (source) {
            case GIVEN -> "Inside the trainer's availability.";
            case LEARNED -> "Inside the trainer's usual hours (learned from their last 26 weeks of sessions).";
            case DEFAULT -> "Inside the default hours (no availability given or learned).";
        });
        return reasons;
    }
}
