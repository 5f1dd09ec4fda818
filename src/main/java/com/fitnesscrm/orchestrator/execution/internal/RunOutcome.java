package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.execution.OutputSource;
import java.math.BigDecimal;

/** What a run produced, before it is written. */
record RunOutcome(JsonNode output, OutputSource source, String model, int tokensIn, int tokensOut, BigDecimal costUsd,
                  boolean unpriced, String inputHash) {
}
