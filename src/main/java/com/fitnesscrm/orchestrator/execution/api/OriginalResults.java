package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.execution.Run;
import org.springframework.stereotype.Component;

/**
 * The {@code results} object of the original {@code POST /api/execute} answer for a succeeded run, shaped by the
 * agent's program so that the main backend's client reads it as before (e.g. {@code results.scheduling} a list).
 */
@Component
class OriginalResults {

    private final AgentPrograms programs;

    OriginalResults(AgentPrograms programs) {
        this.programs = programs;
    }

    ObjectNode of(Run run) {
        AgentProgram<?, ?> program = programs.forType(run.taskType()).orElse(null);
        if (program == null || run.output() == null) {
            ObjectNode results = JsonNodeFactory.instance.objectNode();
            results.set(run.taskType(), run.output());
            return results;
        }
        return shaped(program, run);
    }

    private static <I> ObjectNode shaped(AgentProgram<I, ?> program, Run run) {
        return program.legacyResults(program.readInput(run.input()), run.output());
    }
}
