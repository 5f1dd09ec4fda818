package com.fitnesscrm.orchestrator.health.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.SelfHealingService;
import com.fitnesscrm.orchestrator.health.UndoResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The self-healing log (read scope) and undoing an entry of it (admin scope); docs/decisions/0021. */
@RestController
@RequestMapping("/api/health/remediations")
@Tag(name = "Health")
class RemediationsController {

    private final SelfHealingService selfHealing;
    private final ObjectMapper objectMapper;

    RemediationsController(SelfHealingService selfHealing, ObjectMapper objectMapper) {
        this.selfHealing = selfHealing;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    @Operation(summary = "The self-healing log", operationId = "listRemediations", description = "What the Health "
            + "Checker's self-healing did (mode on) or would have done (mode dry_run), newest first, per_page "
            + "entries a page (default 50, at most 200). self_healing: SELF_HEALING as it holds now.")
    @ApiResponse(responseCode = "200", description = "A page of the log.",
            content = @Content(schema = @Schema(implementation = HealthSchemas.RemediationPage.class)))
    @ApiResponse(responseCode = "422", description = "page or per_page out of range (field names which).")
    ObjectNode list(@RequestParam(defaultValue = "1") int page,
                    @RequestParam(name = "per_page", defaultValue = "" + SelfHealingService.DEFAULT_PAGE)
                    int perPage) {
        ObjectNode json = objectMapper.createObjectNode();
        ArrayNode entries = json.putArray("remediations");
        selfHealing.list(page, perPage).forEach(entry -> entries.add(json(entry)));
        json.put("page", page);
        json.put("per_page", perPage);
        json.put("self_healing", selfHealing.mode().code());
        return json;
    }

    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo a remediation", operationId = "undoRemediation", description = "A reversible kind "
            + "is reversed (llm_rules_only: the agent asks its LLM again; cache_clear: its older cached answers are "
            + "served again); a harmless kind (pool_refill, dead_node_release) is recorded undone with nothing to "
            + "reverse (reversed: false). 409 for an entry already undone, a dry run, a timed-out run "
            + "(stuck_run_timeout) or a rules-only switch that has ended.")
    @ApiResponse(responseCode = "200", description = "The entry as now recorded, and what undoing it did.",
            content = @Content(schema = @Schema(implementation = HealthSchemas.Undone.class)))
    @ApiResponse(responseCode = "403", description = "Undoing needs the admin scope.")
    @ApiResponse(responseCode = "404", description = "No remediation with this id.")
    @ApiResponse(responseCode = "409", description = "Already undone, or not undoable.")
    ObjectNode undo(@PathVariable long id, Principal caller) {
        UndoResult undone = selfHealing.undo(id, caller.getName());
        ObjectNode json = objectMapper.createObjectNode();
        json.set("remediation", json(undone.remediation()));
        json.put("reversed", undone.reversed());
        json.put("message", undone.message());
        return json;
    }

    private ObjectNode json(Remediation entry) {
        ObjectNode json = objectMapper.createObjectNode();
        json.put("id", entry.id());
        json.put("kind", entry.kind().code());
        json.put("mode", entry.mode().code());
        json.put("reason", entry.reason());
        json.set("evidence", objectMapper.valueToTree(entry.evidence()));
        json.put("result", entry.result());
        json.put("agent_id", entry.agentId());
        json.set("run_ids", objectMapper.valueToTree(entry.runIds()));
        json.put("created_at", text(entry.createdAt()));
        json.put("expires_at", text(entry.expiresAt()));
        json.put("ended_at", text(entry.endedAt()));
        json.put("undone_at", text(entry.undoneAt()));
        json.put("undone_by", entry.undoneBy());
        json.put("undo_result", entry.undoResult());
        json.put("undoable", entry.undoable());
        // The names for the log's columns, beside ours: what, why, when.
        json.put("what", entry.what());
        json.put("why", entry.reason());
        json.put("when", text(entry.createdAt()));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
