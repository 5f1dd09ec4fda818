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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(summary = "All agents", description = "Answers {agents, total}, as the original service did.",
            operationId = "listAgents")
    @ApiResponse(responseCode = "200", description = "Every agent.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.AgentList.class)))
    ObjectNode list() {
        List<Agent> all = agents.list();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("agents");
        all.forEach(agent -> array.add(AgentJson.of(agent)));
        json.put("total", all.size());
        return json;
    }

    @GetMapping("/types")
    @Operation(summary = "The agent types (task types) this version knows", operationId = "listAgentTypes")
    @ApiResponse(responseCode = "200", description = "The types, with the names of their default agents.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.AgentTypes.class)))
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
            + " config fields missing take the type's defaults. 201 with the agent; 409 when the name is taken.",
            operationId = "createAgent")
    @ApiResponse(responseCode = "201", description = "The new agent, config version 1.",
            headers = @Header(name = "Location", description = "/api/agents/{id}"),
            content = @Content(schema = @Schema(implementation = AgentSchemas.Agent.class)))
    @ApiResponse(responseCode = "409", description = "An agent of this name exists (field: name).")
    @ApiResponse(responseCode = "422", description = "A missing or unknown type, a name too long, an unknown field "
            + "or a config value out of range, naming the field.")
    ResponseEntity<ObjectNode> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                              content = @Content(schema = @Schema(
                                                      implementation = AgentSchemas.NewAgent.class)))
                                      @RequestBody JsonNode body) {
        Agent agent = agents.create(draft(body));
        return ResponseEntity.created(URI.create("/api/agents/" + agent.id())).body(AgentJson.of(agent));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent with its current config", operationId = "getAgent")
    @ApiResponse(responseCode = "200", description = "The agent.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Agent.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id.")
    ObjectNode get(@PathVariable int id) {
        return AgentJson.of(agents.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an agent", description = "Fields present are changed; config may hold only the "
            + "fields to change. A config change creates a new version.", operationId = "updateAgent")
    @ApiResponse(responseCode = "200", description = "The agent as it is now.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Agent.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id.")
    @ApiResponse(responseCode = "409", description = "The new name is taken (field: name).")
    @ApiResponse(responseCode = "422", description = "A type change, an unknown field or a config value out of "
            + "range, naming the field.")
    ObjectNode update(@PathVariable int id,
                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                              content = @Content(schema = @Schema(implementation = AgentSchemas.AgentChange.class)))
                      @RequestBody JsonNode body) {
        return AgentJson.of(agents.update(id, draft(body)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an agent", description = "Its runs are kept, with the agent's name.",
            operationId = "deleteAgent")
    @ApiResponse(responseCode = "200", description = "Deleted.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Deleted.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id.")
    ObjectNode delete(@PathVariable int id) {
        agents.delete(id);
        return JsonNodeFactory.instance.objectNode().put("message", "Agent " + id + " deleted; its runs are kept.")
                .put("id", id);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The agent's config versions", operationId = "listAgentVersions")
    @ApiResponse(responseCode = "200", description = "Every version, oldest first.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Versions.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id.")
    ObjectNode versions(@PathVariable int id) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("versions");
        agents.versions(id).forEach(version -> array.add(AgentJson.of(version)));
        return json;
    }

    @GetMapping("/{id}/versions/diff")
    @Operation(summary = "The config fields that differ between two versions", operationId = "diffAgentVersions")
    @ApiResponse(responseCode = "200", description = "The fields that differ.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Diff.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id, or no such version.")
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
            + "creates a new version.", operationId = "rollbackAgent")
    @ApiResponse(responseCode = "200", description = "The agent with the restored config as a new version.",
            content = @Content(schema = @Schema(implementation = AgentSchemas.Agent.class)))
    @ApiResponse(responseCode = "404", description = "No agent with this id, or no such version.")
    @ApiResponse(responseCode = "409", description = "That version is the current config already.")
    @ApiResponse(responseCode = "422", description = "'version' is missing or not a whole number.")
    ObjectNode rollback(@PathVariable int id,
                        @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                content = @Content(schema = @Schema(implementation = AgentSchemas.Rollback.class)))
                        @RequestBody JsonNode body) {
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
