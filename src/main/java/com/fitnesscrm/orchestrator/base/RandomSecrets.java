package com.fitnesscrm.orchestrator.base;

import java.security.SecureRandom;

/** Random passwords and secrets from a {@link SecureRandom}. */
public final class RandomSecrets {

    /** Letters and digits: safe inside SQL literals, URLs and shell words. */
    public static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Without the look-alikes 0/O, 1/l/I, for secrets that people read off a log and type. */
    public static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    public static String generate(int length, String alphabet) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return secret.toString();
    }
}
