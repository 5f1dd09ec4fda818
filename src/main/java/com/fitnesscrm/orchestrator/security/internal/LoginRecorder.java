package com.fitnesscrm.orchestrator.security.internal;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records when each user last logged in through the login form, for the Users view. */
@Component
class LoginRecorder {

    private final AppUserRepository users;
    private final Clock clock;

    LoginRecorder(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onLogin(InteractiveAuthenticationSuccessEvent event) {
        users.updateLastLogin(event.getAuthentication().getName(), clock.instant());
    }
}
