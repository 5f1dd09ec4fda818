package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.Coded;

/**
 * Who asks for something right now: a signed-in user, an API key, or the system itself (a scheduled job, start-up
 * work). Runs, config versions and saved plans record its {@link #name()} and {@link #kind()}.
 *
 * @param admin whether it may do what admins may: the admin role for a user, the admin scope for a key
 */
public record Requester(String name, Kind kind, boolean admin) {

    /** What kind of caller; its {@link #code()} is what runs store as {@code requester_kind}. */
    public enum Kind implements Coded {
        USER, API_KEY, SYSTEM
    }

    static final Requester SYSTEM = new Requester("system", Kind.SYSTEM, false);

    /** A person who signed in, as opposed to a key or the system. */
    public boolean isUser() {
        return kind == Kind.USER;
    }
}
