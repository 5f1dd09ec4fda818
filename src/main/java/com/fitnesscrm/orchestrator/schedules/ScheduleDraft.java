package com.fitnesscrm.orchestrator.schedules;

import com.fasterxml.jackson.databind.JsonNode;

/** What an admin writes to create or change a schedule; checked by {@link ScheduleService}. */
public record ScheduleDraft(String name, String agent, JsonNode input, String cron, String timeZone,
                           OverlapPolicy overlapPolicy, MisfirePolicy misfirePolicy) {
}
