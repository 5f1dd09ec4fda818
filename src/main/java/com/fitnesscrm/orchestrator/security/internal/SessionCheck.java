package com.fitnesscrm.orchestrator.security.internal;

/** What an open session is checked against on every request: is the account still enabled and unchanged? */
public record SessionCheck(boolean enabled, int securityStamp) {
}
