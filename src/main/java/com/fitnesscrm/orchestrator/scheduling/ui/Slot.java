package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A slot the Schedule view shows and exports: a suggestion (with its show-up probability) or an assignment of the
 * week optimiser (no probability of its own; {@code movedFrom} when it moves a booked session).
 *
 * @param label the engine's sentence for a suggestion, else the slot's day and time
 */
record Slot(OffsetDateTime start, OffsetDateTime end, Long clientId, Double showProbability, double score,
            Integer priority, String label, List<String> reasons, String movedFrom) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** How likely the client is to come, in three bands the grid colours: high ≥ 80 %, medium ≥ 60 %, else low. */
    enum Band {
        HIGH("high show-up"), MEDIUM("medium show-up"), LOW("low show-up"), NONE("proposed");

        final String words;

        Band(String words) {
            this.words = words;
        }
    }

    Slot {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    static Slot of(Suggestion suggestion, Long clientId, ZoneId zone) {
        return new Slot(at(suggestion.start(), zone), at(suggestion.end(), zone), clientId,
                suggestion.showProbability(), suggestion.score(), suggestion.priority(), suggestion.suggestion(),
                suggestion.reasons(), null);
    }

    static Slot of(SchedulingOutput.Assignment assignment, ZoneId zone) {
        OffsetDateTime start = at(assignment.start(), zone);
        OffsetDateTime end = at(assignment.end(), zone);
        return new Slot(start, end, assignment.clientId(), null, assignment.score(), null,
                DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end) + " — client "
                        + assignment.clientId(), assignment.reasons(), assignment.movedFrom());
    }

    /** An ISO date-time with offset, on the trainer's wall clock. */
    static OffsetDateTime at(String iso, ZoneId zone) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toOffsetDateTime();
    }

    Band band() {
        if (showProbability == null) {
            return Band.NONE;
        }
        return showProbability >= 0.8 ? Band.HIGH : showProbability >= 0.6 ? Band.MEDIUM : Band.LOW;
    }

    /** What the slot says in words, so no one needs the colour: its day, time and show-up probability. */
    String text() {
        String time = DAY.format(start) + " " + TIME.format(start) + "–" + TIME.format(end);
        if (showProbability == null) {
            return time + " · client " + clientId + (movedFrom == null ? "" : " · moved");
        }
        return time + " · " + percent(showProbability) + " show-up (" + band().words + ")";
    }

    static String percent(double probability) {
        return Math.round(probability * 100) + " %";
    }
}
