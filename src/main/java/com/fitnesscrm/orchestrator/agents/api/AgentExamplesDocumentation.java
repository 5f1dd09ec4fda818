package com.fitnesscrm.orchestrator.agents.api;

import com.fitnesscrm.orchestrator.agents.AgentExamples;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import java.time.Clock;
import java.time.LocalDate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Each installed agent type's example input ({@link AgentExamples}) as {@code #/components/examples/<type>}, so that
 * the type's own endpoints (e.g. {@code POST /api/ai/progress-prediction}) show the same example as
 * {@code POST /api/execute} and "Try it", by reference.
 */
@Component
class AgentExamplesDocumentation implements OpenApiCustomizer {

    private final AgentPrograms programs;
    private final Clock clock;

    AgentExamplesDocumentation(AgentPrograms programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        programs.examples(LocalDate.now(clock)).forEach((type, input) -> openApi.getComponents().addExamples(
                type.code(), new Example().summary(type.displayName() + ": example input").value(input)));
    }
}
