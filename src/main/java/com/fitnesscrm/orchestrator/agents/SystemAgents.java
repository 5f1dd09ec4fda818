package com.fitnesscrm.orchestrator.agents;

import com.fitnesscrm.orchestrator.agents.internal.AgentConfigVersionEntity;
import com.fitnesscrm.orchestrator.agents.internal.AgentConfigVersionRepository;
import com.fitnesscrm.orchestrator.agents.internal.AgentEntity;
import com.fitnesscrm.orchestrator.agents.internal.AgentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents the service creates itself at start-up, for features that ship one (the workflows' {@code client_check_in}
 * and {@code incident_triage}): created once, by name, as {@code system}, with their type's default config. Not for
 * requests: what people create goes through {@link AgentService}, with its permissions.
 */
@Component
public class SystemAgents {

    /** The same lock as the original agents' initializer: nodes starting together take turns. */
    private static final long LOCK_KEY = 0x4147454e5453L;

    private final AgentRepository agents;
    private final AgentConfigVersionRepository versions;
    private final AgentPrograms programs;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SystemAgents(AgentRepository agents, AgentConfigVersionRepository versions, AgentPrograms programs,
                 JdbcTemplate jdbc, Clock clock) {
        this.agents = agents;
        this.versions = versions;
        this.programs = programs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates the agent unless one by that name exists (one an admin changed is not reset; the caller keeps track of
     * what it created before, so that a deleted or renamed one is not created again).
     *
     * @return the new agent's id, or empty when it existed
     */
    @Transactional
    public Optional<Integer> createIfAbsent(String name, String type, String description) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK_KEY);
        if (agents.existsByName(name)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AgentConfig config = programs.defaultConfig(type);
        AgentEntity agent = agents.saveAndFlush(new AgentEntity(name, type, description, true, config.toJsonText(),
                now));
        versions.save(new AgentConfigVersionEntity(agent.getId(), 1, config.toJsonText(), "system",
                "Created at first start", now));
        return Optional.of(agent.getId());
    }
}
