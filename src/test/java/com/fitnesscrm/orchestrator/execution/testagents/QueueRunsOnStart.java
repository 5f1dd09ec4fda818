package com.fitnesscrm.orchestrator.execution.testagents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * For the crash test ({@code AsyncRunCrashIT}) only, in an app it starts as a separate process: at start, as an
 * admin, creates a {@code slow_test} agent and queues {@code crash-test.queue-runs} async runs of it through
 * {@link RunService}, the way any caller queues them. Absent that property, this bean does not exist.
 */
@Component
@ConditionalOnProperty("crash-test.queue-runs")
public class QueueRunsOnStart implements ApplicationRunner {

    public static final String AGENT_NAME = "crash-test-slow";
    private static final Logger log = LoggerFactory.getLogger(QueueRunsOnStart.class);

    private final AgentService agents;
    private final RunService executions;
    private final SecurityContextHolderStrategy securityContext;
    private final int runs;
    private final long millis;

    QueueRunsOnStart(AgentService agents, RunService executions, SecurityContextHolderStrategy securityContext,
                     @Value("${crash-test.queue-runs}") int runs, @Value("${crash-test.run-millis:300}") long millis) {
        this.agents = agents;
        this.executions = executions;
        this.securityContext = securityContext;
        this.runs = runs;
        this.millis = millis;
    }

    @Override
    public void run(ApplicationArguments args) {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken("crash-test", null,
                "ROLE_" + Roles.ADMIN));
        try {
            Agent agent = agents.create(new AgentDraft(AGENT_NAME, SlowAgent.TYPE.code(), null, true,
                    JsonNodeFactory.instance.objectNode().put("timeout_seconds", 60), null));
            for (int i = 0; i < runs; i++) {
                executions.run(RunRequest.forAgent(agent.name(), JsonNodeFactory.instance.objectNode()
                        .put("millis", millis), true));
            }
            log.info("Crash test: queued {} runs of {} ms", runs, millis);
        } finally {
            securityContext.clearContext();
        }
    }
}
