package com.fitnesscrm.orchestrator.agents.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The original service's agents endpoints, plus config versions, diff and rollback. */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Agents", description = "The agents registry: reading needs the read scope, changes the admin scope.")
class AgentsController {

    private static final Set<String> FIELDS = Set.of("name", "type", "description", "enabled", "config", "note");

    private final AgentService agents;

    AgentsController(AgentService agents) {
        this.agents = agents;
    }

    @GetMapping
    @Operation(summary = "All agents", description = "Answers {agents, total}, as the original service did.")
    ObjectNode list() {
        List<Agent> all = agents.list();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("agents");
        all.forEach(agent -> array.add(AgentJson.of(agent)));
        json.put("total", all.size());
        return json;
    }

    @GetMapping("/types")
    @Operation(summary = "The agent types (task types) this version knows")
    ObjectNode types() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("types");
        for (AgentType type : agents.types()) {
            array.addObject().put("type", type.code()).put("name", type.displayName());
        }
        return json;
    }

    @PostMapping
    @Operation(summary = "Create an agent", description = "Body {name, type, description?, enabled?, config?, note?};"
            + " config fields missing take the type's defaults. 201 with the agent; 409 when the name is taken.")
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) {
        Agent agent = agents.create(draft(body));
        return ResponseEntity.created(URI.create("/api/agents/" + agent.id())).body(AgentJson.of(agent));
    }

    @GetMapping("/{id}")
    ObjectNode get(@PathVariable int id) {
        return AgentJson.of(agents.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an agent", description = "Fields present are changed; config may hold only the "
            + "fields to change. A config change creates a new version.")
    ObjectNode update(@PathVariable int id, @RequestBody JsonNode body) {
        return AgentJson.of(agents.update(id, draft(body)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an agent", description = "Its runs are kept, with the agent's name.")
    ObjectNode delete(@PathVariable int id) {
        agents.delete(id);
        return JsonNodeFactory.instance.objectNode().put("message", "Agent " + id + " deleted; its runs are kept.")
                .put("id", id);
    }

    @GetMapping("/{id}/versions")
    ObjectNode versions(@PathVariable int id) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("versions");
        agents.versions(id).forEach(version -> array.add(AgentJson.of(version)));
        return json;
    }

    @GetMapping("/{id}/versions/diff")
    @Operation(summary = "The config fields that differ between two versions")
    ObjectNode diff(@PathVariable int id, @RequestParam int from, @RequestParam int to) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("from", from).put("to", to);
        ArrayNode array = json.putArray("changes");
        agents.diff(id, from, to).forEach(change -> {
            ObjectNode row = array.addObject().put("field", change.field());
            row.set("before", change.before());
            row.set("after", change.after());
        });
        return json;
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Make an earlier version's config current again", description = "Body {version, note?}; "
            + "creates a new version.")
    ObjectNode rollback(@PathVariable int id, @RequestBody JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidInputException("version", "'version' must be the number of the version to restore.");
        }
        return AgentJson.of(agents.rollback(id, version.asInt(), text(body, "note")));
    }

    private static AgentDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "Unknown field '" + name + "'; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        Boolean enabled = null;
        if (body.hasNonNull("enabled")) {
            if (!body.get("enabled").isBoolean()) {
                throw new InvalidInputException("enabled", "'enabled' must be true or false.");
            }
            enabled = body.get("enabled").asBoolean();
        }
        return new AgentDraft(text(body, "name"), text(body, "type"), text(body, "description"), enabled,
                body.get("config"), text(body, "note"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a string.");
        }
        return node.asText();
    }
}
