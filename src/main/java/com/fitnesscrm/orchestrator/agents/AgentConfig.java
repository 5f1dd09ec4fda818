package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/**
 * How one agent runs. Stored as JSON in {@code ai_agents.config} with the snake_case names of {@link #FIELDS}.
 *
 * @param model           the LLM to ask; {@code null} means the provider's default ({@code OPENAI_MODEL})
 * @param temperature     0 to 2
 * @param systemPrompt    the LLM layer's system prompt
 * @param maxTokens       cap on the LLM's answer
 * @param timeoutSeconds  a run taking longer ends as {@code timed_out}; the LLM must be done a quarter of it (at most
 *                        2 s) sooner, so that a slow model still leaves time to answer from the rules
 * @param maxRetries      further LLM attempts after a 429, a 5xx or a timeout
 * @param dailyBudgetUsd  LLM spend per day (UTC) after which the agent answers from its rules; {@code null} = no cap
 * @param cacheTtlSeconds how long an LLM answer is reused for the same input and config version; 0 = never
 * @param fallbackPolicy  what happens when the LLM gives no valid answer
 * @param health          when the Health Checker calls this agent's recent runs a warning or critical
 */
public record AgentConfig(String model, double temperature, String systemPrompt, int maxTokens, int timeoutSeconds,
                          int maxRetries, BigDecimal dailyBudgetUsd, int cacheTtlSeconds,
                          FallbackPolicy fallbackPolicy, HealthThresholds health) {

    /** A config with the default {@link HealthThresholds}: the shape every agent had before the Health Checker. */
    public AgentConfig(String model, double temperature, String systemPrompt, int maxTokens, int timeoutSeconds,
                       int maxRetries, BigDecimal dailyBudgetUsd, int cacheTtlSeconds, FallbackPolicy fallbackPolicy) {
        this(model, temperature, systemPrompt, maxTokens, timeoutSeconds, maxRetries, dailyBudgetUsd, cacheTtlSeconds,
                fallbackPolicy, HealthThresholds.DEFAULTS);
    }

    public AgentConfig {
        health = health == null ? HealthThresholds.DEFAULTS : health;
    }

    /**
     * The Health Checker's thresholds for this agent, stored as the config's {@code health} object. Failure rates
     * count failed and timed-out runs among finished ones; rejected input is the caller's mistake and not counted.
     *
     * @param failureRateWarning  failure rate over the last hour from which the agent is a warning (0.05 = 5 %)
     * @param failureRateCritical failure rate over the last hour from which it is critical
     * @param p95WarningMs        p95 run duration over the last hour from which it is a warning; {@code null}: half
     *                            of {@code timeout_seconds}
     * @param p95CriticalMs       the same for critical; {@code null}: 90 % of {@code timeout_seconds}
     * @param sloSuccessRate      the success-rate objective whose error budget the SLO check burns (0.99 = 99 %)
     * @param minRuns             fewer finished runs than this in the last hour are too few to judge a rate by
     */
    public record HealthThresholds(double failureRateWarning, double failureRateCritical, Integer p95WarningMs,
                                   Integer p95CriticalMs, double sloSuccessRate, int minRuns) {

        public static final HealthThresholds DEFAULTS = new HealthThresholds(0.05, 0.20, null, null, 0.99, 5);
        public static final Set<String> FIELDS = Set.of("failure_rate_warning", "failure_rate_critical",
                "p95_warning_ms", "p95_critical_ms", "slo_success_rate", "min_runs");

        static HealthThresholds read(JsonNode json, HealthThresholds base) {
            if (json == null || json.isNull()) {
                return DEFAULTS;
            }
            if (!json.isObject()) {
                throw new InvalidInputException("health", "'health' must be a JSON object with "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new InvalidInputException("health." + name, "Unknown health field '" + name
                            + "'; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
                }
            }
            double warning = json.has("failure_rate_warning")
                    ? number(json, "failure_rate_warning", "health.failure_rate_warning", 0, 1).doubleValue()
                    : base.failureRateWarning();
            double critical = json.has("failure_rate_critical")
                    ? number(json, "failure_rate_critical", "health.failure_rate_critical", 0, 1).doubleValue()
                    : base.failureRateCritical();
            if (warning > critical) {
                throw new InvalidInputException("health.failure_rate_warning", "'failure_rate_warning' ("
                        + warning + ") must not be above 'failure_rate_critical' (" + critical + ").");
            }
            Integer p95Warning = json.has("p95_warning_ms")
                    ? optionalInteger(json, "p95_warning_ms", "health.p95_warning_ms") : base.p95WarningMs();
            Integer p95Critical = json.has("p95_critical_ms")
                    ? optionalInteger(json, "p95_critical_ms", "health.p95_critical_ms") : base.p95CriticalMs();
            double slo = json.has("slo_success_rate")
                    ? number(json, "slo_success_rate", "health.slo_success_rate", 0.5, 0.99999).doubleValue()
                    : base.sloSuccessRate();
            int minRuns = json.has("min_runs") ? integer(json, "min_runs", "health.min_runs", 1, 10_000)
                    : base.minRuns();
            return new HealthThresholds(warning, critical, p95Warning, p95Critical, slo, minRuns);
        }

        ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("failure_rate_warning", failureRateWarning);
            json.put("failure_rate_critical", failureRateCritical);
            json.put("p95_warning_ms", p95WarningMs);
            json.put("p95_critical_ms", p95CriticalMs);
            json.put("slo_success_rate", sloSuccessRate);
            json.put("min_runs", minRuns);
            return json;
        }

        private static Integer optionalInteger(JsonNode json, String name, String field) {
            return json.get(name).isNull() ? null : integer(json, name, field, 1, MAX_TIMEOUT_SECONDS * 1000);
        }
    }

    /** When the LLM layer fails or keeps breaking the rules after its repair attempt. */
    public enum FallbackPolicy implements Coded {
        /** Answer from the rules engine (engine {@code rules}); the run succeeds. */
        RULES,
        /** Fail the run with the reason. */
        FAIL
    }

    public static final Set<String> FIELDS = Set.of("model", "temperature", "system_prompt", "max_tokens",
            "timeout_seconds", "max_retries", "daily_budget_usd", "cache_ttl_seconds", "fallback_policy", "health");

    public static final int MAX_TIMEOUT_SECONDS = 600;
    public static final int MAX_SYSTEM_PROMPT = 20_000;

    /** Sensible defaults: a cautious temperature, half a minute, two retries, five dollars a day, no cache. */
    public static AgentConfig defaults(String systemPrompt) {
        return new AgentConfig(null, 0.2, systemPrompt, 2000, 30, 2, new BigDecimal("5.00"), 0, FallbackPolicy.RULES);
    }

    /**
     * Reads config JSON over {@code base}: fields present replace the base's, fields absent keep it; an unknown
     * field, a wrong type or a value out of range is refused naming the field.
     */
    public static AgentConfig read(JsonNode json, AgentConfig base) {
        if (json == null || json.isNull()) {
            return base;
        }
        if (!json.isObject()) {
            throw new InvalidInputException("", "The config must be a JSON object.");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "Unknown config field '" + name + "'; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        String model = json.has("model") ? optionalText(json, "model", 100) : base.model();
        double temperature = json.has("temperature") ? number(json, "temperature", 0, 2).doubleValue()
                : base.temperature();
        String systemPrompt = json.has("system_prompt") ? text(json, "system_prompt", MAX_SYSTEM_PROMPT)
                : base.systemPrompt();
        int maxTokens = json.has("max_tokens") ? integer(json, "max_tokens", 16, 128_000) : base.maxTokens();
        int timeout = json.has("timeout_seconds") ? integer(json, "timeout_seconds", 1, MAX_TIMEOUT_SECONDS)
                : base.timeoutSeconds();
        int retries = json.has("max_retries") ? integer(json, "max_retries", 0, 5) : base.maxRetries();
        BigDecimal budget = base.dailyBudgetUsd();
        if (json.has("daily_budget_usd")) {
            budget = json.get("daily_budget_usd").isNull() ? null : number(json, "daily_budget_usd", 0, 1_000_000);
        }
        int cacheTtl = json.has("cache_ttl_seconds") ? integer(json, "cache_ttl_seconds", 0, 30 * 24 * 3600)
                : base.cacheTtlSeconds();
        FallbackPolicy fallback = json.has("fallback_policy") ? fallback(json) : base.fallbackPolicy();
        HealthThresholds health = json.has("health") ? HealthThresholds.read(json.get("health"), base.health())
                : base.health();
        return new AgentConfig(model, temperature, systemPrompt, maxTokens, timeout, retries, budget, cacheTtl,
                fallback, health);
    }

    /** The config as stored and shown, every field present. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("model", model);
        json.put("temperature", temperature);
        json.put("system_prompt", systemPrompt);
        json.put("max_tokens", maxTokens);
        json.put("timeout_seconds", timeoutSeconds);
        json.put("max_retries", maxRetries);
        json.put("daily_budget_usd", dailyBudgetUsd);
        json.put("cache_ttl_seconds", cacheTtlSeconds);
        json.put("fallback_policy", fallbackPolicy.code());
        json.set("health", health.toJson());
        return json;
    }

    /** The config as stored in {@code ai_agents.config} and in its versions. */
    public String toJsonText() {
        return toJson().toString(); // Jackson's own serialisation: valid JSON, every field present
    }

    private static String optionalText(JsonNode json, String field, int maxLength) {
        JsonNode node = json.get(field);
        if (node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        return text(json, field, maxLength);
    }

    private static String text(JsonNode json, String field, int maxLength) {
        JsonNode node = json.get(field);
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a string.");
        }
        String value = node.asText().strip();
        JsonLimits.text(value, field, "text");
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "'" + field + "' may be at most " + maxLength + " characters.");
        }
        return value;
    }

    private static BigDecimal number(JsonNode json, String field, double min, double max) {
        return number(json, field, field, min, max);
    }

    /** {@code name} is the member of {@code json}; {@code field} is how a refusal names it (e.g. a nested path). */
    private static BigDecimal number(JsonNode json, String name, String field, double min, double max) {
        JsonNode node = json.get(name);
        // 1e309 reads as an infinite double, which has no decimal value.
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException(field, "'" + field + "' must be a number from " + plain(min) + " to "
                    + plain(max) + ".");
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException(field, "'" + field + "' must be from " + plain(min) + " to " + plain(max)
                    + "; it was " + value.toPlainString() + ".");
        }
        return value;
    }

    private static int integer(JsonNode json, String field, int min, int max) {
        return integer(json, field, field, min, max);
    }

    private static int integer(JsonNode json, String name, String field, int min, int max) {
        JsonNode node = json.get(name);
        if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.isNumber() && node.asDouble() % 1 == 0)) {
            throw new InvalidInputException(field, "'" + field + "' must be a whole number from " + min + " to "
                    + max + ".");
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw new InvalidInputException(field, "'" + field + "' must be from " + min + " to " + max
                    + "; it was " + value + ".");
        }
        return value;
    }

    private static FallbackPolicy fallback(JsonNode json) {
        String value = json.get("fallback_policy").asText("");
        for (FallbackPolicy policy : FallbackPolicy.values()) {
            if (policy.code().equals(value)) {
                return policy;
            }
        }
        throw new InvalidInputException("fallback_policy", "'fallback_policy' must be 'rules' or 'fail'.");
    }

    private static String plain(double value) {
        return value % 1 == 0 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
