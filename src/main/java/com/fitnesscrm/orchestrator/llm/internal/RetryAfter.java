package com.fitnesscrm.orchestrator.llm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After} (RFC 9110: delay-seconds or an HTTP-date) and the {@code retry-after-ms} variant. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the provider asked for, never negative; empty when it sent nothing readable. */
    public static Optional<Duration> parse(String retryAfter, String retryAfterMs, Instant now) {
        Optional<Duration> millis = parseMillis(retryAfterMs);
        return millis.isPresent() ? millis : parse(retryAfter, now);
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            // Some gateways send fractions ("1.5") although the RFC says whole seconds.
            double seconds = Double.parseDouble(trimmed);
            return Optional.of(Duration.ofMillis((long) Math.ceil(Math.max(0, seconds) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis((long) Math.ceil(Math.max(0, Double.parseDouble(value.trim())))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
