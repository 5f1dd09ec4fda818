package com.fitnesscrm.orchestrator.security;

/** A new key and its secret, which is shown this once and stored only as a hash. */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=<hidden>]";
    }
}
