package com.fitnesscrm.orchestrator.llm;

import java.math.BigDecimal;

/**
 * The model's final answer to one request, after any tool calls and retries.
 *
 * @param text      the answer's text (agents ask for JSON)
 * @param model     the model that answered, as the provider named it
 * @param tokensIn  prompt tokens summed over every call this request made
 * @param tokensOut completion tokens summed over every call this request made
 * @param costUsd   what those tokens cost by the price table, or {@code null} when the model has no price (unpriced,
 *                  never zero)
 */
public record LlmReply(String text, String model, int tokensIn, int tokensOut, BigDecimal costUsd) {
}
