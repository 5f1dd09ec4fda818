package com.fitnesscrm.orchestrator.agents.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfigVersion;
import java.time.Instant;

/** Agents in the original service's JSON shape ({@code to_dict}), plus the fields this service adds. */
final class AgentJson {

    private AgentJson() {
    }

    static ObjectNode of(Agent agent) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", agent.id());
        json.put("name", agent.name());
        json.put("type", agent.type());
        json.put("description", agent.description());
        json.put("status", agent.status());
        json.set("config", agent.configJson());
        json.put("enabled", agent.enabled());
        json.put("created_at", text(agent.createdAt()));
        json.put("updated_at", text(agent.updatedAt()));
        json.put("config_version", agent.configVersion());
        json.put("installed", agent.installed());
        return json;
    }

    static ObjectNode of(AgentConfigVersion version) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("agent_id", version.agentId());
        json.put("version", version.version());
        json.set("config", version.config().toJson());
        json.put("author", version.author());
        json.put("note", version.note());
        json.put("created_at", text(version.createdAt()));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
