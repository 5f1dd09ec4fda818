package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.security.RateLimit;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured limits ({@code orchestrator.rate-limit.*}, with environment variables in application.properties):
 * the default for keys created in the UI, for the keys shared through the environment (the main backend's among
 * them), per client address for the login form and for {@code /api/**} calls without a valid key, and the named
 * limits controllers ask for ({@link com.fitnesscrm.orchestrator.security.RateLimits}).
 */
@ConfigurationProperties("orchestrator.rate-limit")
public record RateLimitProperties(boolean enabled, RateLimit apiKey, RateLimit environmentKey, RateLimit anonymous,
                                  RateLimit login, Map<String, RateLimit> named) {

    public RateLimitProperties {
        named = named == null ? Map.of() : Map.copyOf(named);
    }
}
