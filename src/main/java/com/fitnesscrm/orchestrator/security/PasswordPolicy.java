package com.fitnesscrm.orchestrator.security;

import java.nio.charset.StandardCharsets;

/** What a password must be, the same for the first admin, new users and resets. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** @return why the password is not acceptable, or {@code null} when it is */
    public static String problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "The password must be at most " + MAX_BYTES + " bytes long (about 70 plain characters).";
        }
        if (password.isBlank()) {
            return "The password must not be only spaces.";
        }
        return null;
    }
}
