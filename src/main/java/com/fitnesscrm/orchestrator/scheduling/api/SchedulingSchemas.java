package com.fitnesscrm.orchestrator.scheduling.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /api/ai/scheduling-suggestions}' shapes for the OpenAPI document: the request as
 * {@code SchedulingInputReader} reads it, the answer around the {@link Suggestion} and {@link SchedulingOutput}
 * records themselves.
 */
final class SchedulingSchemas {

    private SchedulingSchemas() {
    }

    @Schema(name = "SchedulingRequest", description = "The main backend sends client_id, trainer_id and "
            + "preferred_times; everything else is optional and comes from the CRM or the defaults (60-minute "
            + "sessions, the next 14 days, 3 suggestions, no buffer, no daily cap).")
    record Request(
            @JsonProperty("client_id") @Schema(example = "7") Long clientId,
            @JsonProperty("trainer_id") @Schema(example = "3") Long trainerId,
            @JsonProperty("preferred_times") @Schema(description = "Free text: weekdays, weekdays/weekends, "
                    + "morning/lunchtime/afternoon/evening, before 9, after 6pm, at 7am, tuesday or thursday, not "
                    + "friday. What cannot be read is listed in the answer.",
                    example = "[\"monday morning\", \"after 6pm\"]") List<String> preferredTimes,
            Trainer trainer,
            Client client,
            @JsonProperty("existing_sessions") List<Session> existingSessions,
            @JsonProperty("session_minutes") @Schema(minimum = "15", maximum = "240", example = "60")
            Integer sessionMinutes,
            @Schema(description = "Dates in the trainer's zone; at most 90 days.") Horizon horizon,
            @Schema(minimum = "1", maximum = "20", example = "3") Integer count,
            @JsonProperty("min_hours_between") @Schema(description = "Hours between the starts of two sessions "
                    + "of the client.") Integer minHoursBetween) {
    }

    @Schema(name = "SchedulingTrainer")
    record Trainer(Long id, @Schema(example = "Europe/Berlin") String timezone, List<Availability> availability,
                   @JsonProperty("max_sessions_per_day") Integer maxSessionsPerDay,
                   @JsonProperty("buffer_minutes") @Schema(example = "0") Integer bufferMinutes) {
    }

    @Schema(name = "SchedulingAvailability", description = "A weekday's hours or a date's (a date's replace its "
            + "weekday's). Without any, the hours are learned from the trainer's last 26 weeks of sessions.")
    record Availability(@Schema(example = "mon") String weekday, @Schema(example = "2026-12-07") String date,
                        @Schema(example = "07:00") String start, @Schema(example = "12:00") String end) {
    }

    @Schema(name = "SchedulingClient")
    record Client(Long id, @JsonProperty("preferred_windows") List<Window> preferredWindows,
                  @JsonProperty("preferred_times") List<String> preferredTimes, List<Attendance> history) {
    }

    @Schema(name = "SchedulingWindow")
    record Window(@Schema(example = "tue") String weekday, @Schema(example = "17:00") String start,
                  @Schema(example = "20:00") String end) {
    }

    @Schema(name = "SchedulingAttendance")
    record Attendance(@Schema(example = "2026-11-24T18:00") String start,
                      @Schema(allowableValues = {"completed", "no_show", "cancelled"}) String status) {
    }

    @Schema(name = "SchedulingSession", description = "ISO date-times, with an offset or local to the trainer.")
    record Session(@Schema(example = "2026-12-08T09:00+01:00") String start, String end,
                   @JsonProperty("client_id") Long clientId,
                   @Schema(allowableValues = {"scheduled", "completed", "no_show", "cancelled"}) String status) {
    }

    @Schema(name = "SchedulingHorizon")
    record Horizon(@Schema(example = "2026-12-07") String from, @Schema(example = "2026-12-20") String to) {
    }

    @Schema(name = "SchedulingSuggestions")
    record Answer(List<Suggestion> suggestions, @JsonProperty("client_id") Long clientId,
                  @JsonProperty("trainer_id") Long trainerId,
                  @Schema(description = "rules, llm, llm_repaired or cache") String engine,
                  @JsonProperty("execution_id") long executionId,
                  @Schema(description = "The whole answer: availability used, preferences read and not, rates, "
                          + "which data came from the CRM.") SchedulingOutput schedule) {
    }
}
