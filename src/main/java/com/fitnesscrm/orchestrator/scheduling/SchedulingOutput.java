package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Scheduling Intelligence's answer: the suggested slots, best first, and what they were planned from.
 *
 * @param availabilitySource    {@code given}, {@code learned} (from the trainer's past sessions) or {@code default}
 * @param availability          the working blocks the slots were placed in
 * @param preferencesUnderstood each preference as the engine read it, e.g. {@code "monday morning: Mon 06:00–12:00"}
 * @param preferencesNotUnderstood the free-text preferences (or words of them) it could not read
 * @param showRates             the client's overall rate and the gym's, smoothed, with the sessions counted
 * @param fromCrm               which data came from the CRM
 * @param engine                {@code rules}, or {@code llm} when the LLM layer rephrased the words
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SchedulingOutput(Long clientId, Long trainerId, String timezone, String horizonFrom, String horizonTo,
                               int sessionMinutes, List<Suggestion> suggestions, String availabilitySource,
                               List<Block> availability, List<String> preferencesUnderstood,
                               List<String> preferencesNotUnderstood, ShowRates showRates, List<String> notes,
                               List<String> fromCrm, Map<String, Integer> sources, String engine) {

    public SchedulingOutput {
        suggestions = List.copyOf(suggestions);
        availability = List.copyOf(availability);
        preferencesUnderstood = List.copyOf(preferencesUnderstood);
        preferencesNotUnderstood = List.copyOf(preferencesNotUnderstood);
        notes = List.copyOf(notes);
        fromCrm = List.copyOf(fromCrm);
    }

    public SchedulingOutput withSuggestions(List<Suggestion> newSuggestions, String newEngine) {
        return new SchedulingOutput(clientId, trainerId, timezone, horizonFrom, horizonTo, sessionMinutes,
                newSuggestions, availabilitySource, availability, preferencesUnderstood, preferencesNotUnderstood,
                showRates, notes, fromCrm, sources, newEngine);
    }

    /** A working block: a weekday's ({@code mon}…{@code sun}) or a date's, {@code "07:00"} to {@code "12:00"}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Block(String weekday, String date, String start, String end) {
    }

    /**
     * @param client         the client's overall show-up rate, smoothed toward the gym's
     * @param gym            the gym's rate (all clients' past sessions, or the default when there are none)
     * @param clientSessions the client's past sessions counted (completed, no-show, cancelled)
     * @param gymSessions    the gym's past sessions counted
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShowRates(double client, double gym, int clientSessions, int gymSessions) {
    }
}
