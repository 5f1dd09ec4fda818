package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
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
                               List<String> fromCrm, Map<String, Integer> sources, String engine,
                               @JsonInclude(JsonInclude.Include.NON_NULL) WeekPlan week) {

    /** Slot suggestions, no week. */
    public SchedulingOutput(Long clientId, Long trainerId, String timezone, String horizonFrom, String horizonTo,
                            int sessionMinutes, List<Suggestion> suggestions, String availabilitySource,
                            List<Block> availability, List<String> preferencesUnderstood,
                            List<String> preferencesNotUnderstood, ShowRates showRates, List<String> notes,
                            List<String> fromCrm, Map<String, Integer> sources, String engine) {
        this(clientId, trainerId, timezone, horizonFrom, horizonTo, sessionMinutes, suggestions, availabilitySource,
                availability, preferencesUnderstood, preferencesNotUnderstood, showRates, notes, fromCrm, sources,
                engine, null);
    }

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
                showRates, notes, fromCrm, sources, newEngine, week);
    }

    /**
     * A week laid out by the optimiser.
     *
     * @param week        its Monday
     * @param assignments the sessions placed, by start
     * @param unassigned  the requested sessions that found no place, with why
     * @param conflicts   what was wrong with the week as given, with the moves that fix it
     * @param objective   the soft scores and {@code hard_violations} (always 0 in an answer we give)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WeekPlan(String week, List<Assignment> assignments, List<Unassigned> unassigned,
                           List<Conflict> conflicts, Objective objective) {
    }

    /** A placed session; {@code movedFrom} is its start as given when the optimiser moved it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Assignment(long clientId, String start, String end, double score, List<String> reasons,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String movedFrom) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Unassigned(long clientId, String reason) {
    }

    /** {@code type}: overlap, buffer or daily_cap; the sessions by start; the moves that fix it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Conflict(String type, String description, List<String> sessions, List<Move> moves) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Move(Long clientId, String from, String to) {
    }

    /**
     * @param slotScore      the placed sessions' slot scores summed (show-up × quality, as for suggestions)
     * @param balancePenalty the sum over days of (sessions − the week's mean)², lower is more even
     * @param moved          existing sessions moved
     * @param total          slotScore − 0.1 × balancePenalty − 1 × moved, what the optimiser maximises after
     *                       placing as many sessions as it can
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Objective(int hardViolations, int unassigned, double slotScore, double balancePenalty, int moved,
                            double total) {
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
