package com.fitnesscrm.orchestrator.execution.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code orchestrator.executions.list.*}: how much payload {@code GET /api/executions?include=…} may carry
 * (docs/decisions/0014-runs-list-summaries.md).
 *
 * @param payloadBudget the most payload a page carries ({@code EXECUTIONS_PAYLOAD_BUDGET}); the payloads after it
 *                      are stubs with the run's address
 * @param payloadMemory the most payload all pages being answered at once may hold ({@code EXECUTIONS_PAYLOAD_MEMORY}):
 *                      a page waits for its budget's share, so the heap they need does not grow with the callers
 * @param payloadWait   how long a page waits for that share before it is answered 503
 */
@ConfigurationProperties("orchestrator.executions.list")
public record RunListSettings(@DefaultValue("1MB") DataSize payloadBudget, @DefaultValue("8MB") DataSize payloadMemory,
                              @DefaultValue("30s") Duration payloadWait) {

    public RunListSettings {
        if (payloadBudget.toBytes() < 1 || payloadBudget.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("orchestrator.executions.list.payload-budget must be from 1B to 2GB; "
                    + "it is " + payloadBudget + ".");
        }
        if (payloadMemory.toBytes() < payloadBudget.toBytes() || payloadMemory.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("orchestrator.executions.list.payload-memory must be at least the "
                    + "payload budget (" + payloadBudget + ") and at most 2GB; it is " + payloadMemory + ".");
        }
    }
}
