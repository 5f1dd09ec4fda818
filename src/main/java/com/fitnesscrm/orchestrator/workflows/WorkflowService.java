package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Admins create, change (a new version each time), roll back and delete workflows; everyone who may read agents may
 * read them. A workflow is an agent of type {@code workflow}, so it is listed, enabled and run like one.
 */
@Service
@PreAuthorize(Permissions.READ)
public class WorkflowService {

    public List<Workflow> list() {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws com.fitnesscrm.orchestrator.base.NotFoundException no workflow with that id */
    public Workflow get(int id) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * @throws com.fitnesscrm.orchestrator.base.InvalidInputException the first problem of the definition, naming its
     *                                                                  field (e.g. {@code definition.nodes[2].agent})
     * @throws com.fitnesscrm.orchestrator.base.ConflictException     the name is an agent's or a workflow's already
     */
    @PreAuthorize(Permissions.ADMIN)
    public Workflow create(WorkflowDraft draft) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Saves the draft as the workflow's next version (an unchanged definition is not a new version). */
    @PreAuthorize(Permissions.ADMIN)
    public Workflow update(int id, WorkflowDraft draft) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Deletes the workflow and its versions; its runs stay. */
    @PreAuthorize(Permissions.ADMIN)
    public void delete(int id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Newest first. */
    public List<WorkflowVersion> versions(int id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Makes version {@code version}'s definition the workflow's next version. */
    @PreAuthorize(Permissions.ADMIN)
    public Workflow rollback(int id, int version, String note) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every problem of a definition (empty when it may be saved), for the editor to show at their lines. */
    public List<DefinitionProblem> validate(JsonNode definition) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The installed functions a {@code function} node may call. */
    public List<WorkflowFunctionInfo> functions() {
        throw new UnsupportedOperationException("not yet");
    }
}
