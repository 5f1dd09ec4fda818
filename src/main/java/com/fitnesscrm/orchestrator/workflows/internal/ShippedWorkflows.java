package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentCatalog;
import com.fitnesscrm.orchestrator.agents.SystemAgents;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.engine.DefinitionReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installs the workflows this version ships ({@code src/main/resources/workflows/*.json}, named by their file), once
 * each: at the first start that has it, unless an agent has its name already, it is created, version 1, by
 * {@code system}. Admins copy and change them like any workflow; one they change, rename or delete is left so.
 */
@Component
@Order(20) // after the default agents, which the shipped workflows' nodes name
class ShippedWorkflows implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedWorkflows.class);

    private final SystemAgents systemAgents;
    private final AgentCatalog agents;
    private final WorkflowStore store;
    private final WorkflowFunctions functions;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ShippedWorkflows(SystemAgents systemAgents, AgentCatalog agents, WorkflowStore store,
                     WorkflowFunctions functions, TransactionTemplate transaction, ObjectMapper objectMapper,
                     Clock clock) {
        this.systemAgents = systemAgents;
        this.agents = agents;
        this.store = store;
        this.functions = functions;
        this.transaction = transaction;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:workflows/*.json")) {
            String name = resource.getFilename().replaceFirst("\\.json$", "");
            JsonNode definition;
            try (InputStream in = resource.getInputStream()) {
                definition = objectMapper.readTree(in);
            }
            List<DefinitionProblem> problems = DefinitionReader.read(definition, reference -> agents
                    .byReference(reference).filter(agent -> !WorkflowProgram.TYPE.code().equals(agent.type()))
                    .isPresent(), functions.names()).problems();
            if (!problems.isEmpty()) {
                // E.g. an admin renamed an agent the shipped workflow names: it is not installed rather than broken.
                log.warn("The shipped workflow '{}' is not installed: {}", name, problems);
                continue;
            }
            String description = definition.path("description").asText(null);
            transaction.executeWithoutResult(status -> {
                if (!store.markShipped(name)) {
                    return; // installed before: what admins did with it since stands
                }
                systemAgents.createIfAbsent(name, WorkflowProgram.TYPE.code(), description).ifPresent(id -> {
                    store.addVersion(id, 1, description, definition, "system", "Shipped with this version",
                            clock.instant());
                    log.info("Installed the shipped workflow '{}'", name);
                });
            });
        }
    }
}
