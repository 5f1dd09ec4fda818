package com.fitnesscrm.orchestrator.security;

import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The one place that reads who is asking from the security context (Vaadin's session-aware strategy in views, the
 * request's in REST, the caller's in background work that carries it), so that services need not.
 */
@Component
public class CurrentRequester {

    private final SecurityContextHolderStrategy securityContext;

    CurrentRequester(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
    }

    /** The caller now; {@code system} when nobody is signed in (a scheduled job, start-up work). */
    public Requester get() {
        Authentication authentication = securityContext.getContext().getAuthentication();
        if (authentication == null) {
            return Requester.SYSTEM;
        }
        if (authentication instanceof BackgroundCaller caller) {
            return new Requester(caller.getName(), Requester.Kind.SYSTEM, false);
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return new Requester(key.getName(), Requester.Kind.API_KEY, key.scopes().contains(ApiKeyScope.ADMIN));
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.ADMIN).equals(authority.getAuthority()));
        return new Requester(authentication.getName(), Requester.Kind.USER, admin);
    }

    /**
     * Does {@code work} on this thread as the schedule {@code scheduleId} ({@code schedule:<id>}), a caller of the
     * kind {@code system} that may run agents and nothing else, then puts back whoever was there. Only a schedule's
     * name: no feature can act as a user or a key this way.
     */
    public <T> T asSchedule(long scheduleId, Supplier<T> work) {
        return as("schedule:" + scheduleId, work);
    }

    /**
     * Does {@code work} on this thread as the run {@code runId} ({@code run:<id>}, kind {@code system}, allowed to
     * run agents and nothing else): what a workflow's functions do inside its run, where nobody is signed in.
     */
    public <T> T asRun(long runId, Supplier<T> work) {
        return as("run:" + runId, work);
    }

    private <T> T as(String name, Supplier<T> work) {
        SecurityContext before = securityContext.getContext();
        SecurityContext context = securityContext.createEmptyContext();
        context.setAuthentication(new BackgroundCaller(name));
        securityContext.setContext(context);
        try {
            return work.get();
        } finally {
            securityContext.setContext(before);
        }
    }

    /** The caller's name, as runs and versions record it. */
    public String name() {
        return get().name();
    }
}
