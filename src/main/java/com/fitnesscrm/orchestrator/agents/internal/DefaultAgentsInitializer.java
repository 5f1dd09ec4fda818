package com.fitnesscrm.orchestrator.agents.internal;

import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentPrograms;
import com.fitnesscrm.orchestrator.agents.AgentType;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure the original service's five agents exist: at every start, each original type without an agent gets
 * its default one, and an agent whose config was never versioned (one the original service created) gets its
 * first version. Nodes starting together take turns on an advisory lock, so nothing is created twice.
 */
@Component
@Order(10)
class DefaultAgentsInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultAgentsInitializer.class);
    private static final long LOCK_KEY = 0x4147454e5453L; // "AGENTS"

    private final AgentRepository agents;
    private final AgentConfigVersionRepository versions;
    private final AgentPrograms programs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DefaultAgentsInitializer(AgentRepository agents, AgentConfigVersionRepository versions, AgentPrograms programs,
                             JdbcTemplate jdbc, TransactionTemplate transaction,
                             Clock clock) {
        this.agents = agents;
        this.versions = versions;
        this.programs = programs;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK_KEY);
            Instant now = clock.instant();
            for (AgentType type : AgentType.ORIGINAL) {
                if (!agents.existsByType(type.code()) && !agents.existsByName(type.displayName())) {
                    AgentConfig config = programs.defaultConfig(type.code());
                    AgentEntity agent = agents.saveAndFlush(new AgentEntity(type.displayName(), type.code(),
                            "The original service's " + type.displayName() + ".", true, config.toJsonText(), now));
                    log.info("Created the default agent '{}' ({})", type.displayName(), type.code());
                    versions.save(new AgentConfigVersionEntity(agent.getId(), 1, config.toJsonText(), "system",
                            "Created at first start", now));
                }
            }
            for (AgentEntity agent : agents.findAllByOrderByIdAsc()) {
                if (!versions.existsByAgentId(agent.getId())) {
                    versions.save(new AgentConfigVersionEntity(agent.getId(), agent.getConfigVersion(),
                            agent.getConfig() == null ? "{}" : agent.getConfig(), "system",
                            "Config found in the database", now));
                }
            }
        });
    }

}
