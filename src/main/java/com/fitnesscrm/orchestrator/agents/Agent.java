package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An agent as admins see it: a named, configured instance of an {@link AgentType}.
 *
 * @param status        {@code active} when enabled, {@code inactive} when not (the original column)
 * @param configVersion the version of {@code config}; each run records the one it used
 * @param installed     whether this version has the type's engine; running an agent without one answers 503
 */
public record Agent(int id, String name, String type, String description, boolean enabled, String status,
                    AgentConfig config, int configVersion, boolean installed, Instant createdAt, Instant updatedAt) {

    public ObjectNode configJson() {
        return config.toJson();
    }
}
