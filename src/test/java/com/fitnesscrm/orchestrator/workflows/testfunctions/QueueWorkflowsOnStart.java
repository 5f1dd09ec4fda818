package com.fitnesscrm.orchestrator.workflows.testfunctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
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
 * For {@code WorkflowCrashIT} only, in an app it starts as a separate process: at start, as an admin, creates a slow
 * agent and the workflow {@value #WORKFLOW} (quick → slow → quick → an admin's approval → quick) and queues
 * {@code crash-test.workflows} async runs of it through {@link RunService}. Absent that property, this bean does not
 * exist.
 */
@Component
@ConditionalOnProperty("crash-test.workflows")
public class QueueWorkflowsOnStart implements ApplicationRunner {

    public static final String WORKFLOW = "crash-test-workflow";
    public static final String AGENT = "crash-test-wf-slow";
    /** How long the middle node waits: the test kills the app while it does. */
    public static final long SLOW_MILLIS = 4000;
    private static final Logger log = LoggerFactory.getLogger(QueueWorkflowsOnStart.class);

    private final AgentService agents;
    private final WorkflowService workflows;
    private final RunService runs;
    private final SecurityContextHolderStrategy securityContext;
    private final ObjectMapper objectMapper;
    private final int count;

    QueueWorkflowsOnStart(AgentService agents, WorkflowService workflows, RunService runs,
                          SecurityContextHolderStrategy securityContext, ObjectMapper objectMapper,
                          @Value("${crash-test.workflows}") int count) {
        this.agents = agents;
        this.workflows = workflows;
        this.runs = runs;
        this.securityContext = securityContext;
        this.objectMapper = objectMapper;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken("crash-test", null,
                "ROLE_" + Roles.ADMIN));
        try {
            agents.create(new AgentDraft(AGENT, SlowAgent.TYPE.code(), null, true,
                    JsonNodeFactory.instance.objectNode().put("timeout_seconds", 60), null));
            workflows.create(new WorkflowDraft(WORKFLOW, "Crash test", objectMapper.readTree("""
                    {"start": "quick",
                     "nodes": [
                       {"id": "quick", "kind": "agent", "agent": "%1$s", "input": {"millis": 100}},
                       {"id": "slow", "kind": "agent", "agent": "%1$s", "input": {"millis": %2$d}},
                       {"id": "after", "kind": "agent", "agent": "%1$s", "input": {"millis": 101}},
                       {"id": "approve", "kind": "approval", "role": "admin", "input": {"waited": "$nodes.slow.output"}},
                       {"id": "last", "kind": "agent", "agent": "%1$s", "input": {"millis": 102}}],
                     "edges": [{"from": "quick", "to": "slow"}, {"from": "slow", "to": "after"},
                               {"from": "after", "to": "approve"}, {"from": "approve", "to": "last"}]}
                    """.formatted(AGENT, SLOW_MILLIS)), null));
            for (int i = 0; i < count; i++) {
                runs.run(RunRequest.forAgent(WORKFLOW, objectMapper.createObjectNode().put("n", i), true));
            }
            log.info("Crash test: queued {} workflow runs", count);
        } finally {
            securityContext.clearContext();
        }
    }
}
