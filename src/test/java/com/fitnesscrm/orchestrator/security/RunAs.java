package com.fitnesscrm.orchestrator.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Runs a piece of test setup as an admin through the context's own security holder, then signs out again. */
public final class RunAs {

    private RunAs() {
    }

    public static <T> T admin(SecurityContextHolderStrategy securityContext, Supplier<T> action) {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }
}
