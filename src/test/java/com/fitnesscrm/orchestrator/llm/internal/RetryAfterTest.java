package com.fitnesscrm.orchestrator.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    @Test
    void reads_seconds() {
        assertThat(RetryAfter.parse("7", null, NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 1.5 ", null, NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void reads_an_http_date_as_the_time_left_until_it() {
        assertThat(RetryAfter.parse("Mon, 02 Jun 2025 10:00:12 GMT", null, NOW)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse("Mon, 02 Jun 2025 09:59:00 GMT", null, NOW)).contains(Duration.ZERO);
    }

    @Test
    void prefers_milliseconds_when_the_provider_sends_them() {
        assertThat(RetryAfter.parse("2", "1250", NOW)).contains(Duration.ofMillis(1250));
    }

    @Test
    void ignores_what_it_cannot_read() {
        assertThat(RetryAfter.parse("soon", null, NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, "", NOW)).isEmpty();
    }
}
