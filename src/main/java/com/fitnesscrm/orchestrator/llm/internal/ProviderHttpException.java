package com.fitnesscrm.orchestrator.llm.internal;

import dev.langchain4j.exception.HttpException;

/**
 * A non-2xx answer from the provider, with the headers that say when to try again. LangChain4j's own
 * {@link HttpException} carries only the status and body; LangChain4j wraps this one as the cause of its
 * {@code RateLimitException} or {@code InternalServerException}, so the gateway finds it in the cause chain.
 */
public class ProviderHttpException extends HttpException {

    private final String retryAfter;
    private final String retryAfterMs;

    public ProviderHttpException(int statusCode, String body, String retryAfter, String retryAfterMs) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
        this.retryAfterMs = retryAfterMs;
    }

    /** The {@code Retry-After} header as sent (seconds or an HTTP-date), or {@code null}. */
    public String retryAfter() {
        return retryAfter;
    }

    /** Azure OpenAI and OpenAI also send {@code retry-after-ms}, more precise than whole seconds; or {@code null}. */
    public String retryAfterMs() {
        return retryAfterMs;
    }
}
