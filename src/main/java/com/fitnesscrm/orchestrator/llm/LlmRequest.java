package com.fitnesscrm.orchestrator.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One question to the model, as an agent's config shapes it.
 *
 * @param purpose      the step name the call is recorded under, e.g. {@code draft} or {@code repair}
 * @param model        the model to ask; {@code null} means {@code OPENAI_MODEL}
 * @param temperature  {@code null} leaves the provider's default
 * @param maxTokens    cap on the answer's tokens; {@code null} leaves the provider's default
 * @param timeout      how long one HTTP call to the provider may take, in whole seconds (rounded down, at least 1)
 * @param maxRetries   further attempts after a 429, a 5xx or a timeout (0 = one attempt only)
 * @param systemPrompt the agent's system prompt
 * @param messages     the turns after the system prompt, oldest first; the last one is the user's
 * @param tools        an object whose {@code @Tool} methods the model may call, or {@code null} for none
 * @param deadline     when the caller stops waiting, or {@code null}: no call, retry or wait is started that could
 *                     not end by then (each call's timeout is cut to what is left)
 */
public record LlmRequest(String purpose, String model, Double temperature, Integer maxTokens, Duration timeout,
                         int maxRetries, String systemPrompt, List<LlmMessage> messages, Object tools,
                         Instant deadline) {

    public LlmRequest {
        messages = List.copyOf(messages);
    }

    /** A request without a deadline: only each call's {@code timeout} bounds it. */
    public LlmRequest(String purpose, String model, Double temperature, Integer maxTokens, Duration timeout,
                      int maxRetries, String systemPrompt, List<LlmMessage> messages, Object tools) {
        this(purpose, model, temperature, maxTokens, timeout, maxRetries, systemPrompt, messages, tools, null);
    }
}
