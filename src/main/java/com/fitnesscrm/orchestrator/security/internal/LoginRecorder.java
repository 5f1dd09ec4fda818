package com.fitnesscrm.orchestrator.security.internal;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * At each login through the form: records when, for the Users view, and remembers in the new session which
 * security stamp the account had, so {@link RevokedSessionFilter} can end the session when an admin changes it.
 */
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
        String username = event.getAuthentication().getName();
        users.updateLastLogin(username, clock.instant());
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null) {
                users.findSessionCheck(username).ifPresent(check ->
                        session.setAttribute(RevokedSessionFilter.STAMP_ATTRIBUTE, check.securityStamp()));
            }
        }
    }
}
