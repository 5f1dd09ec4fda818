package com.fitnesscrm.orchestrator.llm;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Placeholder until the gateway lands: no provider. */
@Service
public class LlmGateway {

    private final LlmSettings settings;

    LlmGateway(LlmSettings settings) {
        this.settings = settings;
    }

    public LlmStatus status() {
        return new LlmStatus(false, false, settings.providerHost(), settings.model(), "DISABLED");
    }

    public boolean isAvailable() {
        return false;
    }

    public LlmReply chat(LlmRequest request, Consumer<LlmStep> steps) {
        throw new LlmException(LlmException.Reason.NOT_CONFIGURED, "No LLM provider is configured.");
    }

    public Optional<BigDecimal> cost(String model, long tokensIn, long tokensOut) {
        return Optional.empty();
    }
}
