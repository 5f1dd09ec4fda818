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
    /** How many characters of a key people see to recognise it. */
    static final int VISIBLE = 10;

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

    static String visiblePrefix(String key) {
        return key.substring(0, Math.min(VISIBLE, key.length())) + "…";
    }
}
