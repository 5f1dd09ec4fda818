package com.fitnesscrm.orchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.execution.internal.RunLifecycle;
import com.fitnesscrm.orchestrator.execution.internal.RunQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a program that runs other agents (a workflow) does from inside its own run: run an agent as a child run, and
 * read runs back. No method security: it is called on the run's own thread, where nobody is signed in, on behalf of
 * whoever asked for the parent run (the child runs record that requester). Never call it from a request.
 */
@Component
public class ChildRuns {

    private final RunLifecycle lifecycle;
    private final RunQueries queries;
    private final AgentCatalog agents;

    ChildRuns(RunLifecycle lifecycle, RunQueries queries, AgentCatalog agents) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.agents = agents;
    }

    /**
     * Runs an agent now as a child run of {@code parentId} and returns it as recorded, whatever its status.
     *
     * @throws NotFoundException                                     no agent by that id or name
     * @throws com.fitnesscrm.orchestrator.base.ConflictException    the agent is disabled
     * @throws RunRejectedException                                  the agent refused the input (recorded)
     */
    public Run run(long parentId, String agent, JsonNode input) {
        return lifecycle.runChild(parentId, RunRequest.forAgent(agent, input, false));
    }

    /** The run as recorded. @throws NotFoundException no such run */
    public Run get(long id) {
        return queries.get(id);
    }

    /** The child runs of {@code parentId}, oldest first. */
    public List<RunSummary> children(long parentId) {
        return queries.children(parentId);
    }

    /**
     * Whether running {@code agent} now would ask its LLM with its daily budget already spent.
     *
     * @throws NotFoundException no agent by that id or name
     */
    public boolean dailyBudgetSpent(String agent) {
        Agent found = agents.byReference(agent)
                .orElseThrow(() -> new NotFoundException("No agent with id or name '" + agent + "'."));
        return lifecycle.dailyBudgetSpent(found);
    }

    /**
     * Queues a waiting, failed or timed-out run again, e.g. once its approval is decided; false when it is no longer
     * in one of those statuses.
     */
    public boolean reopen(long id, java.util.Set<RunStatus> from) {
        return lifecycle.reopen(id, from);
    }
}
