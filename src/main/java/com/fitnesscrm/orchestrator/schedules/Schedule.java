package com.fitnesscrm.orchestrator.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A stored schedule as people see it: what it runs, when (its cron in its zone, and the next five fire times), what
 * it does about overlaps and misfires, and what its last firing did.
 */
public record Schedule(long id, String name, String agent, JsonNode input, String cron,
                       @JsonProperty("time_zone") String timeZone,
                       @JsonProperty("overlap_policy") OverlapPolicy overlapPolicy,
                       @JsonProperty("misfire_policy") MisfirePolicy misfirePolicy, boolean paused,
                       @JsonProperty("next_fire_times") List<Instant> nextFireTimes,
                       @JsonProperty("created_by") String createdBy,
                       @JsonProperty("created_at") Instant createdAt,
                       @JsonProperty("updated_at") Instant updatedAt,
                       @JsonProperty("last_fired_at") Instant lastFiredAt,
                       @JsonProperty("last_run_id") Long lastRunId,
                       @JsonProperty("last_error") String lastError, int skipped,
                       @JsonProperty("last_skipped_at") Instant lastSkippedAt) {

    /** Who its runs are recorded as ({@code requested_by}): {@code schedule:<id>}. */
    public String requester() {
        return requester(id);
    }

    public static String requester(long id) {
        return "schedule:" + id;
    }
}
