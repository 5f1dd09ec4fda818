package com.fitnesscrm.orchestrator.workflows.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.Workflow;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
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
import org.springframework.web.bind.annotation.RestController;

/** Workflows: list and read with the read scope, create, change, roll back and delete with the admin scope. */
@RestController
@RequestMapping("/api/workflows")
@Tag(name = "Workflows", description = "Agents working together as state graphs; run them through /api/execute "
        + "with {\"agent\": \"<name>\"}.")
class WorkflowsController {

    private static final Set<String> FIELDS = Set.of("name", "description", "definition", "note");

    private final WorkflowService workflows;

    WorkflowsController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @GetMapping
    @Operation(summary = "All workflows", operationId = "listWorkflows")
    @ApiResponse(responseCode = "200", description = "Every workflow with its current definition.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.WorkflowList.class)))
    ObjectNode list() {
        List<Workflow> all = workflows.list();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("workflows");
        all.forEach(workflow -> array.add(WorkflowJson.of(workflow)));
        json.put("total", all.size());
        return json;
    }

    @PostMapping
    @Operation(summary = "Create a workflow", description = "Body {name, description?, definition, note?}. 201 "
            + "with the workflow, version 1; 409 when an agent or workflow has the name; 422 naming the first "
            + "problem of the definition (all of them under 'problems').", operationId = "createWorkflow")
    @ApiResponse(responseCode = "201", description = "The new workflow.",
            headers = @Header(name = "Location", description = "/api/workflows/{id}"),
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Workflow.class)))
    @ApiResponse(responseCode = "409", description = "The name is taken (field: name).")
    @ApiResponse(responseCode = "422", description = "A missing name, an unknown field, or a definition with "
            + "problems (an unknown agent, an unreachable node, a cycle without max_visits …), naming the field.")
    ResponseEntity<ObjectNode> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.NewWorkflow.class)))
                                      @RequestBody JsonNode body) {
        WorkflowDraft draft = draft(body);
        if (draft.definition() == null) {
            throw new InvalidInputException("definition", "'definition' is required: {start, nodes, edges}.");
        }
        Workflow workflow = workflows.create(draft);
        return ResponseEntity.created(URI.create("/api/workflows/" + workflow.id())).body(WorkflowJson.of(workflow));
    }

    @PostMapping("/validate")
    @Operation(summary = "Check a definition without saving it", description = "Body: the definition.",
            operationId = "validateWorkflow")
    @ApiResponse(responseCode = "200", description = "Its problems; none when it may be saved.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Validation.class)))
    ObjectNode validate(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Definition.class)))
                        @RequestBody JsonNode body) {
        List<DefinitionProblem> problems = workflows.validate(body);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("valid", problems.isEmpty());
        ArrayNode array = json.putArray("problems");
        problems.forEach(problem -> array.addObject().put("field", problem.field()).put("message", problem.message()));
        return json;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One workflow", operationId = "getWorkflow")
    @ApiResponse(responseCode = "200", description = "The workflow.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Workflow.class)))
    @ApiResponse(responseCode = "404", description = "No workflow with this id.")
    ObjectNode get(@PathVariable int id) {
        return WorkflowJson.of(workflows.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a workflow", description = "Fields present are changed; a changed definition is "
            + "a new version (runs already going on keep theirs).", operationId = "updateWorkflow")
    @ApiResponse(responseCode = "200", description = "The workflow as it is now.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Workflow.class)))
    @ApiResponse(responseCode = "404", description = "No workflow with this id.")
    @ApiResponse(responseCode = "409", description = "The new name is taken (field: name).")
    @ApiResponse(responseCode = "422", description = "An unknown field or a definition with problems, naming the "
            + "field.")
    ObjectNode update(@PathVariable int id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.NewWorkflow.class)))
                      @RequestBody JsonNode body) {
        return WorkflowJson.of(workflows.update(id, draft(body)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a workflow", description = "Its versions go; its runs are kept.",
            operationId = "deleteWorkflow")
    @ApiResponse(responseCode = "200", description = "Deleted.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Deleted.class)))
    @ApiResponse(responseCode = "404", description = "No workflow with this id.")
    ObjectNode delete(@PathVariable int id) {
        workflows.delete(id);
        return JsonNodeFactory.instance.objectNode().put("message", "Workflow " + id + " deleted; its runs are kept.")
                .put("id", id);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The workflow's definition versions", operationId = "listWorkflowVersions")
    @ApiResponse(responseCode = "200", description = "Every version, newest first.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Versions.class)))
    @ApiResponse(responseCode = "404", description = "No workflow with this id.")
    ObjectNode versions(@PathVariable int id) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode array = json.putArray("versions");
        workflows.versions(id).forEach(version -> array.add(WorkflowJson.of(version)));
        return json;
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Make an earlier version's definition current again", description = "Body {version, "
            + "note?}; creates a new version.", operationId = "rollbackWorkflow")
    @ApiResponse(responseCode = "200", description = "The workflow with the restored definition as a new version.",
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Workflow.class)))
    @ApiResponse(responseCode = "404", description = "No workflow with this id, or no such version.")
    @ApiResponse(responseCode = "422", description = "'version' is missing, or the old definition names what no "
            + "longer exists.")
    ObjectNode rollback(@PathVariable int id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = WorkflowSchemas.Rollback.class)))
                        @RequestBody JsonNode body) {
        JsonNode version = body == null ? null : body.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new InvalidInputException("version", "'version' must be the number of the version to restore.");
        }
        return WorkflowJson.of(workflows.rollback(id, version.asInt(), text(body, "note")));
    }

    private static WorkflowDraft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "The body must be a JSON object {name, description, definition}.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "Unknown field '" + name + "'; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        JsonNode definition = body.get("definition");
        return new WorkflowDraft(text(body, "name"), text(body, "description"),
                definition == null || definition.isNull() ? null : definition, text(body, "note"));
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a string.");
        }
        return node.asText();
    }
}
