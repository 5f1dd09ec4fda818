package com.fitnesscrm.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.Roles;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * An {@link IntegrationTest} that runs agents through {@link RunService}, signed in as {@code admin} for each test
 * and signed out after it. It adds nothing to the Spring context, so its subclasses share the one every
 * {@code @IntegrationTest} class uses.
 *
 * <p>A test that needs someone else signs in again in its own {@code @BeforeEach} (which JUnit runs after this
 * class's) or in the test, with {@link #signInAs}.
 */
@IntegrationTest
public abstract class RunIntegrationTest {

    @Autowired
    protected RunService runs;
    @Autowired
    protected AgentService agents;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @BeforeEach
    void signInAsAdmin() {
        signInAs("admin", Roles.ADMIN);
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    /** From now on {@code name}, with the one role, is the requester of every run and service call. */
    protected void signInAs(String name, String role) {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken(name, null, "ROLE_" + role));
    }

    /** A new enabled agent of {@code type} with a name of its own; {@code config} JSON, {@code null} for defaults. */
    protected Agent agent(String type, String config) {
        return agents.create(new AgentDraft(type + "-" + UUID.randomUUID(), type, null, true,
                config == null ? null : json(config), null));
    }

    protected ObjectNode json(String text) {
        try {
            return (ObjectNode) objectMapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
