package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.execution.AgentRunOverrides;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What self-healing imposes on agents' runs, as the remediation log says (so every node sees the same), read at most
 * every {@link #FRESH_FOR} per node: a switch or an undo on another node is seen here within that time, on this node
 * at once. When the log cannot be read, the last reading holds.
 */
@Component
public class SelfHealingOverrides implements AgentRunOverrides {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SelfHealingOverrides.class);

    private final RemediationLog remediations;
    private final Clock clock;
    private volatile Map<Integer, RemediationLog.InForce> inForce = Map.of();
    private volatile Instant readAt;
    /** Counts this node's changes: a reading that began before one is not kept as fresh. */
    private final AtomicLong changes = new AtomicLong();

    SelfHealingOverrides(RemediationLog remediations, Clock clock) {
        this.remediations = remediations;
        this.clock = clock;
    }

    @Override
    public Optional<String> rulesOnly(int agentId) {
        return Optional.ofNullable(current().get(agentId)).map(RemediationLog.InForce::rulesOnlyReason);
    }

    @Override
    public Optional<Instant> cacheClearedAt(int agentId) {
        return Optional.ofNullable(current().get(agentId)).map(RemediationLog.InForce::cacheClearedAt);
    }

    /** The next question reads the log again: this node just changed it. */
    public void changed() {
        changes.incrementAndGet();
        readAt = null;
    }

    private Map<Integer, RemediationLog.InForce> current() {
        Instant now = clock.instant();
        Instant last = readAt;
        if (last == null || !now.isBefore(last.plus(FRESH_FOR))) {
            long before = changes.get();
            try {
                inForce = remediations.inForce(now);
            } catch (DataAccessException e) {
                log.debug("Reading what self-healing imposes failed; keeping the last reading: {}",
                        e.getMostSpecificCause().getMessage());
            }
            if (changes.get() == before) {
                readAt = now; // else a change landed meanwhile: the next question reads again
            }
        }
        return inForce;
    }
}
