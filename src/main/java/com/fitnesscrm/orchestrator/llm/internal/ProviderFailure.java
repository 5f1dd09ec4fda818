package com.fitnesscrm.orchestrator.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.llm.LlmException.Reason;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;

/**
 * What went wrong in one call to the provider, read from whatever LangChain4j threw (it wraps the HTTP client's
 * exception, so the cause chain is searched).
 *
 * @param retryAfter the wait the provider asked for, or {@code null}
 * @param detail     short text for steps and messages: the status and the provider's own error message
 */
public record ProviderFailure(Kind kind, int status, Duration retryAfter, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    public enum Kind {
        RATE_LIMITED, SERVER_ERROR, TIMEOUT, CONNECTION,
        /** A 4xx other than 408/429: the request or the key is wrong, so trying again cannot help. */
        REJECTED,
        /** Anything else, e.g. an answer that is not chat-completions JSON. */
        OTHER
    }

    public static ProviderFailure of(Throwable thrown, Instant now) {
        HttpException http = find(thrown, HttpException.class);
        if (http != null) {
            return fromStatus(http, now);
        }
        if (find(thrown, HttpTimeoutException.class) != null || find(thrown, SocketTimeoutException.class) != null
                || find(thrown, java.util.concurrent.TimeoutException.class) != null
                || find(thrown, dev.langchain4j.exception.TimeoutException.class) != null) {
            return new ProviderFailure(Kind.TIMEOUT, 0, null, "no answer within the timeout");
        }
        if (find(thrown, IOException.class) != null || find(thrown, UnresolvedModelServerException.class) != null
                || find(thrown, UnresolvedAddressException.class) != null) {
            return new ProviderFailure(Kind.CONNECTION, 0, null, "could not connect: " + rootMessage(thrown));
        }
        return new ProviderFailure(Kind.OTHER, 0, null, truncate(rootMessage(thrown)));
    }

    private static ProviderFailure fromStatus(HttpException http, Instant now) {
        int status = http.statusCode();
        String detail = "HTTP " + status + ": " + providerMessage(http.getMessage());
        if (status == 429) {
            Duration wait = http instanceof ProviderHttpException provider
                    ? RetryAfter.parse(provider.retryAfter(), provider.retryAfterMs(), now).orElse(null)
                    : null;
            return new ProviderFailure(Kind.RATE_LIMITED, status, wait, detail);
        }
        if (status == 408) {
            return new ProviderFailure(Kind.TIMEOUT, status, null, detail);
        }
        if (status >= 500) {
            return new ProviderFailure(Kind.SERVER_ERROR, status, null, detail);
        }
        return new ProviderFailure(Kind.REJECTED, status, null, detail);
    }

    /** Worth another attempt: the same request may well succeed in a moment. */
    public boolean isRetryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT
                || kind == Kind.CONNECTION;
    }

    /** Says the provider is unwell, so it counts towards opening the circuit; a 4xx says nothing about its health. */
    public boolean isProviderFault() {
        return kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT || kind == Kind.CONNECTION;
    }

    public Reason reason() {
        return switch (kind) {
            case RATE_LIMITED -> Reason.RATE_LIMITED;
            case TIMEOUT -> Reason.TIMEOUT;
            case SERVER_ERROR, CONNECTION, REJECTED, OTHER -> Reason.PROVIDER_ERROR;
        };
    }

    /** "429", "500", "timeout": what a retry step says it is retrying after. */
    public String shortName() {
        return switch (kind) {
            case TIMEOUT -> status == 0 ? "timeout" : String.valueOf(status);
            case CONNECTION -> "connection failure";
            case OTHER -> "error";
            default -> String.valueOf(status);
        };
    }

    /** OpenAI-compatible providers answer errors as {@code {"error": {"message": ...}}}; fall back to the body. */
    private static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode message = JSON.readTree(body).path("error").path("message");
            if (message.isTextual() && !message.asText().isBlank()) {
                return truncate(message.asText());
            }
        } catch (IOException | RuntimeException notJson) {
            // Proxies answer with HTML; the body itself is the best description.
        }
        return truncate(body.strip());
    }

    private static <T> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = root.getClass().getSimpleName();
        return root.getMessage() == null ? type : type + ": " + root.getMessage();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
