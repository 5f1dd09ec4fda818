package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Two runs side by side, as an admin compares them before rolling out a new prompt or model: what differs in their
 * input, their config and their output, with both runs' tokens, cost, duration and engine at hand in {@code left}
 * and {@code right}.
 *
 * @param config the config each ran with (its version's config, with a replay's overrides), field by field
 */
public record RunComparison(Run left, Run right, JsonNode leftConfig, JsonNode rightConfig,
                            List<Difference> input, List<Difference> config, List<Difference> output) {

    /**
     * One place where the two differ.
     *
     * @param path  a JSON path, {@code plan.weeks[2].sessions[0].name}; empty for the whole value
     * @param left  {@code null}: absent on the left (added on the right)
     * @param right {@code null}: absent on the right
     */
    public record Difference(String path, JsonNode left, JsonNode right) {
    }
}
