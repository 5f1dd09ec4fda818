package com.fitnesscrm.orchestrator.schedules.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fitnesscrm.orchestrator.schedules.ScheduledRun;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The schedule endpoints' shapes for the OpenAPI document. */
final class SchedulesSchemas {

    static final String PROBLEM = "#/components/schemas/Problem";

    private SchedulesSchemas() {
    }

    @Schema(name = "ScheduleRequest")
    record Request(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Monday check-ins") String name,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Progress Monitor",
                           description = "The agent's name or id.") String agent,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0 0 6 ? * MON",
                           description = "Quartz syntax, seconds first.") String cron,
                   @JsonProperty("time_zone") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                           example = "Europe/Berlin") String timeZone,
                   @Schema(description = "The agent's input, a JSON object of at most 64 KB.")
                   Map<String, Object> input,
                   @JsonProperty("overlap_policy") @Schema(allowableValues = {"skip", "allow"},
                           defaultValue = "skip") String overlapPolicy,
                   @JsonProperty("misfire_policy") @Schema(allowableValues = {"run_once", "skip"},
                           defaultValue = "run_once") String misfirePolicy) {
    }

    @Schema(name = "Schedule", description = "A schedule, with its next five fire times (none while paused).")
    record ScheduleDoc(long id, String name, String agent,
                       @Schema(description = "The agent's input.") Map<String, Object> input, String cron,
                       @JsonProperty("time_zone") String timeZone,
                       @JsonProperty("overlap_policy") @Schema(allowableValues = {"skip", "allow"})
                       String overlapPolicy,
                       @JsonProperty("misfire_policy") @Schema(allowableValues = {"run_once", "skip"})
                       String misfirePolicy, boolean paused,
                       @JsonProperty("next_fire_times") List<Instant> nextFireTimes,
                       @JsonProperty("created_by") String createdBy,
                       @JsonProperty("created_at") Instant createdAt,
                       @JsonProperty("updated_at") Instant updatedAt,
                       @JsonProperty("last_fired_at") @Schema(nullable = true) Instant lastFiredAt,
                       @JsonProperty("last_run_id") @Schema(nullable = true) Long lastRunId,
                       @JsonProperty("last_error") @Schema(nullable = true,
                               description = "What kept the last firing from starting a run.") String lastError,
                       @Schema(description = "Firings skipped because the previous run still went.") int skipped,
                       @JsonProperty("last_skipped_at") @Schema(nullable = true) Instant lastSkippedAt) {
    }

    @Schema(name = "ScheduleList")
    record ScheduleList(List<ScheduleDoc> schedules, int total) {
    }

    @Schema(name = "ScheduleDeleted")
    record Deleted(@Schema(example = "Schedule 3 deleted; its runs are kept.") String message, long id) {
    }

    @Schema(name = "ScheduledRuns")
    record Runs(List<ScheduledRun> runs, int total) {
    }
}
