package com.fitnesscrm.orchestrator.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys are long random secrets, so a fast SHA-256 is the right hash: no dictionary to guard against, and a slow
 * password hash such as BCrypt on every request would cap the API at a few dozen requests per second.
 */
public final class ApiKeyHashes {

    /** Keys created here: "fco_" and 40 random letters and digits (about 238 bits). */
    public static final String PREFIX = "fco_";
    static final int SECRET_LENGTH = 40;

    private ApiKeyHashes() {
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What people see of a key shared through the environment: not its first characters (a secret chosen by the
     * operator may be short enough that each one shown matters) but the start of its hash, enough to tell a change.
     */
    static String environmentLabel(String key) {
        return "sha256:" + sha256(key).substring(0, 8) + "…";
    }
}
