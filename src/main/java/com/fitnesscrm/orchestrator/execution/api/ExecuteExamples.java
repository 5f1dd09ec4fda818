package com.fitnesscrm.orchestrator.execution.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentExamples;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts each installed agent type's example ({@link AgentExamples}, the input "Try it" starts from) on
 * {@code POST /api/execute} in both shapes: {@code <type>_original} as the main backend sends it and
 * {@code <type>_typed} naming the type's default agent. An annotation cannot hold them: they come from the example
 * files and the installed programs.
 */
@Component
class ExecuteExamples implements OpenApiCustomizer {

    private final AgentPrograms programs;
    private final Clock clock;

    ExecuteExamples(AgentPrograms programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        PathItem execute = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/execute");
        if (execute == null || execute.getPost() == null || execute.getPost().getRequestBody() == null) {
            return;
        }
        MediaType json = execute.getPost().getRequestBody().getContent().get("application/json");
        programs.examples(LocalDate.now(clock)).forEach((type, input) -> {
            ObjectNode original = JsonNodeFactory.instance.objectNode().put("task_type", type.code());
            original.set("input_data", input);
            json.addExamples(type.code() + "_original", new Example()
                    .summary(type.displayName() + ", original shape")
                    .description("The main backend's body: runs the default agent of " + type.code() + ".")
                    .value(original));
            ObjectNode typed = JsonNodeFactory.instance.objectNode().put("agent", type.displayName());
            typed.set("input", input.deepCopy());
            typed.put("mode", "sync");
            json.addExamples(type.code() + "_typed", new Example()
                    .summary(type.displayName() + ", typed shape")
                    .description("Names the agent; \"mode\": \"async\" answers 202 with Location instead.")
                    .value(typed));
        });
    }
}
