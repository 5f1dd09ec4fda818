/**
 * How {@link com.fitnesscrm.orchestrator.llm.LlmGateway} talks to the provider: the HTTP client handed to
 * LangChain4j (so a 429's {@code Retry-After} reaches the gateway), reading provider failures, the retry timing and
 * the tool box an agent's {@code @Tool} methods run in. Nothing here is for other features.
 */
package com.fitnesscrm.orchestrator.llm.internal;
