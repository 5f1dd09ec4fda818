package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fitnesscrm.orchestrator.security.ApiKeyAuthentication;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** Keys from the 10-second cache, and a recently seen key still accepted while the database does not answer. */
class ApiKeyAuthenticatorTest {

    private static final String KEY = "main-backend-key-for-tests-0123456789";

    private final ApiKeyRepository keys = mock(ApiKeyRepository.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T06:00:00Z"));
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, clock);
    private final AtomicBoolean databaseAway = new AtomicBoolean();

    @Test
    void a_key_found_recently_is_still_accepted_while_the_database_is_away_and_not_for_ever() {
        ApiKeyEntity key = mock(ApiKeyEntity.class);
        when(key.getId()).thenReturn(7);
        when(key.getName()).thenReturn("main-backend");
        when(key.scopeSet()).thenReturn(Set.of(ApiKeyScope.READ));
        when(key.getSource()).thenReturn("database");
        answer(Optional.of(key));
        assertThat(authenticator.authenticate(KEY)).map(ApiKeyAuthentication::keyId).contains(7);

        databaseAway.set(true);
        clock.move(ApiKeyAuthenticator.CACHE_TTL.plusSeconds(1));
        assertThat(authenticator.authenticate(KEY)).as("from the cache, past its 10 s").map(ApiKeyAuthentication::keyId)
                .contains(7);
        clock.move(ApiKeyAuthenticator.STALE_FOR);
        assertThatThrownBy(() -> authenticator.authenticate(KEY)).as("seen too long ago")
                .isInstanceOf(CannotCreateTransactionException.class);
    }

    @Test
    void a_key_never_seen_or_seen_as_unknown_is_not_accepted_while_the_database_is_away() {
        answer(Optional.empty());
        assertThat(authenticator.authenticate("unknown-key-0123456789")).isEmpty();

        databaseAway.set(true);
        clock.move(ApiKeyAuthenticator.CACHE_TTL.plusSeconds(1));
        assertThatThrownBy(() -> authenticator.authenticate("unknown-key-0123456789"))
                .isInstanceOf(CannotCreateTransactionException.class);
        assertThatThrownBy(() -> authenticator.authenticate(KEY)).isInstanceOf(CannotCreateTransactionException.class);
    }

    /**
     * Stubbed once, before any call: the authenticator's "last used" thread calls the mock too, and stubbing it again
     * meanwhile could stub that call instead.
     */
    private void answer(Optional<ApiKeyEntity> found) {
        when(keys.findByKeyHash(anyString())).thenAnswer(call -> {
            if (databaseAway.get()) {
                throw new CannotCreateTransactionException("database away");
            }
            return found;
        });
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
