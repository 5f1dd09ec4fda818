package com.fitnesscrm.orchestrator.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One run a schedule started, for its history. */
public record ScheduledRun(long id, String status, @JsonProperty("started_at") Instant startedAt,
                           @JsonProperty("completed_at") Instant completedAt,
                           @JsonProperty("error_message") String error) {
}
