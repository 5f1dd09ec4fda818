package com.fitnesscrm.orchestrator.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.workflows.engine.DefinitionReader;
import com.fitnesscrm.orchestrator.workflows.internal.WorkflowFunctions;
import com.fitnesscrm.orchestrator.workflows.internal.WorkflowStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create, change (a new version each time), roll back and delete workflows; everyone who may read agents may
 * read them. A workflow is an agent of type {@code workflow}, so it is listed, enabled and run like one.
 */
@Service
@PreAuthorize(Permissions.READ)
@Transactional(readOnly = true)
public class WorkflowService {

    /** The agent type of workflows. */
    public static final String TYPE = "workflow";

    private final AgentService agents;
    private final AgentCatalog catalog;
    private final WorkflowStore store;
    private final WorkflowFunctions functions;
    private final CurrentRequester requester;
    private final Clock clock;

    WorkflowService(AgentService agents, AgentCatalog catalog, WorkflowStore store, WorkflowFunctions functions,
                    CurrentRequester requester, Clock clock) {
        this.agents = agents;
        this.catalog = catalog;
        this.store = store;
        this.functions = functions;
        this.requester = requester;
        this.clock = clock;
    }

    public List<Workflow> list() {
        return agents.list().stream().filter(agent -> TYPE.equals(agent.type())).map(this::workflow).toList();
    }

    /** @throws NotFoundException no workflow with that id */
    public Workflow get(int id) {
        return workflow(agent(id));
    }

    /**
     * @throws InvalidInputException the first problem of the definition, naming its field (e.g.
     *                               {@code definition.nodes[2].agent}); all of them under {@code problems}
     * @throws ConflictException     the name is an agent's or a workflow's already
     */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Workflow create(WorkflowDraft draft) {
        JsonNode definition = checked(draft.definition());
        Agent agent = agents.create(new AgentDraft(draft.name(), TYPE, draft.description(), true, null,
                note(draft.note(), "Created")));
        store.addVersion(agent.id(), 1, agent.description(), definition, requester.name(),
                note(draft.note(), "Created"), clock.instant());
        return workflow(agent);
    }

    /** Saves the draft as the workflow's next version (an unchanged definition is not a new version). */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Workflow update(int id, WorkflowDraft draft) {
        Agent current = agent(id);
        Agent agent = agents.update(id, new AgentDraft(draft.name(), null, draft.description(), null, null,
                draft.note()));
        if (draft.definition() != null) {
            JsonNode definition = checked(draft.definition());
            WorkflowVersion latest = store.latest(id).orElse(null);
            boolean changed = latest == null || !latest.definition().equals(definition)
                    || !java.util.Objects.equals(latest.description(), agent.description());
            if (changed) {
                store.addVersion(id, latest == null ? 1 : latest.version() + 1, agent.description(), definition,
                        requester.name(), note(draft.note(), "Changed"), clock.instant());
            }
        } else if (!java.util.Objects.equals(current.description(), agent.description())) {
            WorkflowVersion latest = store.latest(id).orElseThrow();
            store.addVersion(id, latest.version() + 1, agent.description(), latest.definition(), requester.name(),
                    note(draft.note(), "Description changed"), clock.instant());
        }
        return workflow(agents.get(id));
    }

    /** Deletes the workflow and its versions; its runs stay. */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public void delete(int id) {
        agent(id);
        agents.delete(id);
    }

    /** Newest first. */
    public List<WorkflowVersion> versions(int id) {
        agent(id);
        return store.versions(id);
    }

    /**
     * Makes version {@code version}'s definition the workflow's next version.
     *
     * @throws NotFoundException     no such workflow or version
     * @throws InvalidInputException the old definition names what no longer exists (an agent deleted since)
     */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public Workflow rollback(int id, int version, String note) {
        agent(id);
        WorkflowVersion old = store.version(id, version).orElseThrow(() -> new NotFoundException("Workflow " + id
                + " has no version " + version + "."));
        WorkflowVersion latest = store.latest(id).orElseThrow();
        JsonNode definition = checked(old.definition());
        agents.update(id, new AgentDraft(null, null, old.description() == null ? "" : old.description(), null,
                null, null));
        store.addVersion(id, latest.version() + 1, old.description(), definition, requester.name(),
                note(note, "Rolled back to version " + version), clock.instant());
        return get(id);
    }

    /** Every problem of a definition (empty when it may be saved), for the editor to show at their lines. */
    public List<DefinitionProblem> validate(JsonNode definition) {
        return read(definition).problems();
    }

    /** The installed functions a {@code function} node may call. */
    public List<WorkflowFunctionInfo> functions() {
        return functions.infos();
    }

    private DefinitionReader.Result read(JsonNode definition) {
        return DefinitionReader.read(definition, reference -> catalog.byReference(reference)
                .filter(agent -> !TYPE.equals(agent.type())).isPresent(), functions.names());
    }

    private JsonNode checked(JsonNode definition) {
        if (definition == null || definition.isNull()) {
            throw new InvalidInputException("definition", "'definition' is required: {start, nodes, edges}.");
        }
        JsonLimits.check(definition, "definition", 2);
        DefinitionReader.Result result = read(definition);
        if (!result.valid()) {
            throw new DefinitionRejectedException(result.problems());
        }
        return definition;
    }

    private Agent agent(int id) {
        Agent agent = catalog.byId(id).filter(found -> TYPE.equals(found.type()))
                .orElseThrow(() -> new NotFoundException("No workflow with id " + id + "."));
        return agents.get(agent.id());
    }

    private Workflow workflow(Agent agent) {
        WorkflowVersion version = store.latest(agent.id()).orElse(null);
        JsonNode json = version == null ? null : version.definition();
        WorkflowDefinition definition = json == null ? null : read(json).definition();
        return new Workflow(agent.id(), agent.name(), agent.description(), agent.enabled(),
                version == null ? 0 : version.version(), definition, json,
                version == null ? null : version.author(), version == null ? agent.updatedAt() : version.createdAt());
    }

    private static String note(String note, String otherwise) {
        return note == null || note.isBlank() ? otherwise : note.strip();
    }

    /** A definition with problems: the first names the field; the answer lists them all. */
    static final class DefinitionRejectedException extends InvalidInputException {

        private final List<DefinitionProblem> problems;

        DefinitionRejectedException(List<DefinitionProblem> problems) {
            super(problems.get(0).field(), problems.get(0).message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
            this.problems = problems;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("problems", problems.stream()
                    .map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList());
        }
    }
}
