package com.fitnesscrm.orchestrator.llm;

import java.time.Duration;
import java.util.List;

/**
 * One question to the model, as an agent's config shapes it.
 *
 * @param purpose      the step name the call is recorded under, e.g. {@code draft} or {@code repair}
 * @param model        the model to ask; {@code null} means {@code OPENAI_MODEL}
 * @param temperature  {@code null} leaves the provider's default
 * @param maxTokens    cap on the answer's tokens; {@code null} leaves the provider's default
 * @param timeout      how long one HTTP call to the provider may take
 * @param maxRetries   further attempts after a 429, a 5xx or a timeout (0 = one attempt only)
 * @param systemPrompt the agent's system prompt
 * @param messages     the turns after the system prompt, oldest first; the last one is the user's
 * @param tools        an object whose {@code @Tool} methods the model may call, or {@code null} for none
 */
public record LlmRequest(String purpose, String model, Double temperature, Integer maxTokens, Duration timeout,
                         int maxRetries, String systemPrompt, List<LlmMessage> messages, Object tools) {

    public LlmRequest {
        messages = List.copyOf(messages);
    }
}
