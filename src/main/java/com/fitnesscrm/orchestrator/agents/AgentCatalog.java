package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.internal.AgentEntity;
import com.fitnesscrm.orchestrator.agents.internal.AgentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The runtime's read-only view of agents, without method security: async runs execute on scheduler threads where no
 * one is logged in, and the caller's right to run was checked when the run was asked for.
 *
 * <p>Agents are read on every run, so they are cached for a few seconds. A change on this node evicts at once; on
 * another node of a cluster it takes effect within {@link #TTL}.
 */
@Component
public class AgentCatalog {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(AgentCatalog.class);

    private final AgentRepository agents;
    private final AgentPrograms programs;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AgentCatalog(AgentRepository agents, AgentPrograms programs, ObjectMapper objectMapper, Clock clock) {
        this.agents = agents;
        this.programs = programs;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public Optional<Agent> byId(int id) {
        return cached("id:" + id, () -> agents.findById(id).map(this::toAgent));
    }

    public Optional<Agent> byName(String name) {
        return cached("name:" + name, () -> agents.findByName(name).map(this::toAgent));
    }

    /** An agent given as its id ("7") or its name ("Workout Optimizer"). */
    public Optional<Agent> byReference(String reference) {
        String value = reference.strip();
        if (value.matches("\\d{1,9}")) {
            Optional<Agent> agent = byId(Integer.parseInt(value));
            if (agent.isPresent()) {
                return agent;
            }
        }
        return byName(value);
    }

    /**
     * The agent that answers the original service's {@code task_type}: the oldest enabled agent of that type, or the
     * oldest at all when every one is disabled (so the caller hears that it is disabled, not that it is unknown).
     */
    public Optional<Agent> forTaskType(String type) {
        return cached("type:" + type, () -> agents.findByTypeOrderByIdAsc(type).stream()
                .min(Comparator.comparing((AgentEntity agent) -> !agent.isEnabled()).thenComparing(AgentEntity::getId))
                .map(this::toAgent));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentChanged change) {
        cache.clear(); // names and types may have moved between agents; agents change rarely
    }

    private Optional<Agent> cached(String key, Supplier<Optional<Agent>> load) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.agent();
        }
        Optional<Agent> agent = load.get();
        if (agent.isPresent()) {
            // Misses are not kept: any caller could otherwise grow the cache with made-up names.
            cache.put(key, new Cached(agent, now.plus(TTL)));
        }
        return agent;
    }

    private Agent toAgent(AgentEntity entity) {
        AgentConfig config = parseStoredConfig(objectMapper, entity.getConfig(),
                programs.defaultConfig(entity.getType()));
        return toAgent(entity, config, programs.forType(entity.getType()).isPresent());
    }

    static Agent toAgent(AgentEntity entity, AgentConfig config, boolean installed) {
        return new Agent(entity.getId(), entity.getName(), entity.getType(), entity.getDescription(),
                entity.isEnabled(), entity.getStatus(), config, entity.getConfigVersion(), installed,
                entity.getCreatedAt(), entity.getUpdatedAt());
    }

    /**
     * Reads a stored config over the type's defaults. A row the original service wrote may hold fields of its own
     * or values out of range; those are logged and the defaults used, rather than making the agent unusable.
     */
    static AgentConfig parseStoredConfig(ObjectMapper objectMapper, String json, AgentConfig defaults) {
        if (json == null || json.isBlank()) {
            return defaults;
        }
        try {
            return AgentConfig.read(objectMapper.readTree(json), defaults);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Stored agent config is not usable ({}); using the defaults", e.getMessage());
            return defaults;
        }
    }

    private record Cached(Optional<Agent> agent, Instant expires) {
    }
}
