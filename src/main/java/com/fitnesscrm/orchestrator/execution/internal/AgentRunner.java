package com.fitnesscrm.orchestrator.execution.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentConfig;
import com.fitnesscrm.orchestrator.agents.AgentProgram;
import com.fitnesscrm.orchestrator.agents.LlmLayer;
import com.fitnesscrm.orchestrator.agents.OrchestratingProgram;
import com.fitnesscrm.orchestrator.execution.AgentRunOverrides;
import com.fitnesscrm.orchestrator.execution.OutputSource;
import com.fitnesscrm.orchestrator.execution.RunStep;
import com.fitnesscrm.orchestrator.execution.StepKind;
import com.fitnesscrm.orchestrator.llm.LlmException;
import com.fitnesscrm.orchestrator.llm.LlmGateway;
import com.fitnesscrm.orchestrator.llm.LlmMessage;
import com.fitnesscrm.orchestrator.llm.LlmReply;
import com.fitnesscrm.orchestrator.llm.LlmRequest;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs one agent program on one input: the rules engine first (it is the answer of last resort and the LLM's
 * starting point), then, when the agent has an LLM layer and a provider is available, the LLM within the agent's
 * daily budget and when an answer of the rules' length fits in its {@code max_tokens}; its answer is checked against
 * the same rules, repaired once, or given up for the rules' answer.
 * Every stage is a step of the run.
 */
@Component
class AgentRunner {

    private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);

    private static final Duration LLM_RESERVE = Duration.ofSeconds(2);
    /**
     * Characters of JSON per token, above what our agents' answers average (compact JSON runs about 3 to 4.5 per
     * token): an answer at least as long as the rules' answer and longer than this times {@code max_tokens} is cut
     * off.
     */
    private static final int MAX_JSON_CHARS_PER_TOKEN = 5;

    private final LlmGateway llm;
    private final RunStore store;
    private final DailySpend spend;
    private final ObjectMapper objectMapper;
    private final ObjectMapper strictMapper;
    private final Clock clock;
    private final ObjectProvider<AgentRunOverrides> overrides;

    AgentRunner(LlmGateway llm, RunStore store, DailySpend spend, ObjectMapper objectMapper, Clock clock,
                ObjectProvider<AgentRunOverrides> overrides) {
        this.llm = llm;
        this.store = store;
        this.spend = spend;
        this.objectMapper = objectMapper;
        this.strictMapper = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.clock = clock;
        this.overrides = overrides;
    }

    /** Whether this run will ask the LLM, i.e. may take long enough that its steps should be written live. */
    boolean mayCallLlm(AgentProgram<?, ?> program) {
        // A workflow runs other agents as child runs, which point to it: it is written before it starts.
        return program instanceof OrchestratingProgram<?> || program.llmLayer().isPresent() && llm.isAvailable();
    }

    @SuppressWarnings("unchecked")
    <I, O> RunOutcome run(Agent agent, AgentProgram<I, O> program, I input, StepRecorder steps, Instant deadline) {
        if (program instanceof OrchestratingProgram<?> orchestrating) {
            JsonNode output = ((OrchestratingProgram<I>) orchestrating).orchestrate(agent, input, steps);
            return new RunOutcome(output, OutputSource.WORKFLOW, null, 0, 0, BigDecimal.ZERO, false, null);
        }
        O rules = steps.node("rules engine", () -> program.runRules(input, steps));
        List<String> ruleViolations = program.check(input, rules);
        steps.mark("check rules answer", StepKind.GUARDRAIL, ruleViolations.isEmpty(), null,
                ruleViolations.isEmpty() ? "all rules pass" : String.join("; ", ruleViolations));
        if (!ruleViolations.isEmpty()) {
            throw new RunFailedException("The rules engine's answer breaks its own rules: "
                    + String.join("; ", ruleViolations));
        }
        Optional<LlmLayer<I, O>> layer = program.llmLayer();
        if (layer.isEmpty()) {
            return rulesOutcome(rules, null);
        }
        if (!llm.status().configured()) {
            return rulesOutcome(rules, null); // no key: the rules engine is the product
        }
        AgentRunOverrides imposed = overrides.getIfAvailable(() -> AgentRunOverrides.NONE);
        Optional<String> rulesOnly = imposed.rulesOnly(agent.id());
        if (rulesOnly.isPresent()) {
            // Self-healing switched this agent to its rules for a cool-down: a decision, not a failure of this run.
            steps.mark("rules only (self-healing)", StepKind.GUARDRAIL, true, rulesOnly.get(),
                    "answer from the rules engine without asking the LLM");
            return rulesOutcome(rules, null);
        }
        AgentConfig config = agent.config();
        if (!llm.isAvailable()) {
            return fallback(config, rules, null, LlmUsage.none(), steps,
                    "The LLM provider's circuit breaker is open after repeated failures.");
        }
        if (config.dailyBudgetUsd() != null) {
            BigDecimal spent = spend.today(agent.id());
            boolean within = spent.compareTo(config.dailyBudgetUsd()) < 0;
            steps.mark("daily budget", StepKind.GUARDRAIL, within, "budget $" + config.dailyBudgetUsd().toPlainString(),
                    "spent today $" + spent.toPlainString());
            if (!within) {
                return fallback(config, rules, null, LlmUsage.none(), steps, "The agent's daily LLM budget of $"
                        + config.dailyBudgetUsd().toPlainString() + " is spent.");
            }
        }
        String inputHash = config.cacheTtlSeconds() > 0 ? hash(program.type().code(), input) : null;
        if (inputHash != null) {
            Optional<O> cached = cached(agent, program, input, rules, inputHash, config, imposed, steps);
            if (cached.isPresent()) {
                return new RunOutcome(objectMapper.valueToTree(cached.get()), OutputSource.CACHE, null, 0, 0,
                        BigDecimal.ZERO, false, null);
            }
        }
        Optional<String> tooLong = answerTooLong(rules, config);
        if (tooLong.isPresent()) {
            return fallback(config, rules, null, LlmUsage.none(), steps, tooLong.get());
        }
        return askLlm(agent, program, layer.get(), input, rules, inputHash, steps, llmDeadline(deadline, config));
    }

    /**
     * Why the LLM is not asked, if it is not: it must answer in the shape of the rules' answer, so at least as long,
     * and {@code max_tokens} would cut that off. Such a call is paid for (the rules' answer is in the question too),
     * fails the check, is repaired and given up; and its prompt and answer in memory are what made the Workout
     * Optimizer's long plans crowd the heap (docs/decisions/0004, fourth sitting).
     */
    private Optional<String> answerTooLong(Object rules, AgentConfig config) {
        CharCount length = new CharCount();
        try {
            objectMapper.writeValue(length, rules); // counted, not kept: a long plan is the case at hand
        } catch (IOException e) {
            return Optional.empty(); // the question's own writing reports it
        }
        long most = (long) config.maxTokens() * MAX_JSON_CHARS_PER_TOKEN;
        if (length.chars <= most) {
            return Optional.empty();
        }
        // Short enough for the run's timeline, which shows 160 characters of a summary (StepTimeline).
        return Optional.of(RunStep.LLM_NOT_ASKED + ": an answer as long as the rules engine's ("
                + kilobytes(length.chars) + " kB of JSON) would not fit in the agent's max_tokens of "
                + config.maxTokens() + " (about " + kilobytes(most) + " kB).");
    }

    private static String kilobytes(long chars) {
        return String.valueOf(Math.max(1, Math.round(chars / 1000.0)));
    }

    /** A writer that only counts what is written to it. */
    private static final class CharCount extends Writer {

        private long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * The LLM must be done a little before the run's own deadline, so that a model too slow for the agent's timeout
     * still leaves time to answer from the rules (or fail by the policy) rather than the whole run timing out with
     * the rules' answer in hand: a quarter of the timeout, at most two seconds.
     */
    static Instant llmDeadline(Instant runDeadline, AgentConfig config) {
        Duration reserve = Duration.ofSeconds(config.timeoutSeconds()).dividedBy(4);
        return runDeadline.minus(reserve.compareTo(LLM_RESERVE) < 0 ? reserve : LLM_RESERVE);
    }

    private <I, O> RunOutcome askLlm(Agent agent, AgentProgram<I, O> program, LlmLayer<I, O> layer, I input,
                                     O rules, String inputHash, StepRecorder steps, Instant deadline) {
        AgentConfig config = agent.config();
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(LlmMessage.user(layer.userMessage(input, rules)));
        LlmUsage usage = LlmUsage.none();
        try {
            steps.flush(); // the wait for the model starts: show what happened so far
            if (steps.cancelled()) {
                return rulesOutcome(rules, inputHash); // stopped before it was marked running: no paid call for it
            }
            LlmReply draft = llm.chat(request("draft", config, messages, layer.tools(input), deadline), steps);
            spend.add(agent.id(), draft.costUsd());
            usage = usage.plus(draft);
            Checked<O> first = check(program, input, rules, draft.text(), "check LLM answer", steps);
            if (first.violations().isEmpty()) {
                return usage.outcome(objectMapper.valueToTree(first.output()), OutputSource.LLM, inputHash);
            }
            messages.add(LlmMessage.assistant(draft.text()));
            messages.add(LlmMessage.user(repairMessage(first.violations())));
            steps.flush();
            LlmReply repaired = llm.chat(request("repair", config, messages, layer.tools(input), deadline), steps);
            spend.add(agent.id(), repaired.costUsd());
            usage = usage.plus(repaired);
            Checked<O> second = check(program, input, rules, repaired.text(), "check repaired answer",
                    steps);
            if (second.violations().isEmpty()) {
                return usage.outcome(objectMapper.valueToTree(second.output()), OutputSource.LLM_REPAIRED, inputHash);
            }
            return fallback(config, rules, null, usage, steps, "The LLM's answer still broke the rules after one "
                    + "repair: " + String.join("; ", second.violations()));
        } catch (LlmException e) {
            return fallback(config, rules, null, usage, steps, RunStep.LLM_GAVE_NO_ANSWER + " (" + e.reason().name()
                    .toLowerCase() + "): " + e.getMessage());
        }
    }

    private <O> RunOutcome fallback(AgentConfig config, O rules, String inputHash, LlmUsage usage,
                                    StepRecorder steps, String reason) {
        if (config.fallbackPolicy() == AgentConfig.FallbackPolicy.FAIL) {
            steps.mark("fallback refused by policy", StepKind.FALLBACK, false, reason, "run fails");
            throw new RunFailedException(reason);
        }
        steps.mark("fall back to rules engine", StepKind.FALLBACK, true, reason, "answer from the rules engine");
        return usage.outcome(objectMapper.valueToTree(rules), OutputSource.RULES, inputHash);
    }

    private RunOutcome rulesOutcome(Object rules, String inputHash) {
        return new RunOutcome(objectMapper.valueToTree(rules), OutputSource.RULES, null, 0, 0, BigDecimal.ZERO, false,
                inputHash);
    }

    private <I, O> Optional<O> cached(Agent agent, AgentProgram<I, O> program, I input, O rules, String inputHash,
                                      AgentConfig config, AgentRunOverrides imposed, StepRecorder steps) {
        Instant since = clock.instant().minusSeconds(config.cacheTtlSeconds());
        Optional<Instant> cleared = imposed.cacheClearedAt(agent.id());
        if (cleared.isPresent() && cleared.get().isAfter(since)) {
            since = cleared.get(); // answers cached before self-healing cleared the cache are not served
        }
        Optional<String> hit = store.cachedOutput(agent.id(), agent.configVersion(), inputHash, since);
        if (hit.isEmpty()) {
            steps.mark("response cache", StepKind.NODE, true, "ttl " + config.cacheTtlSeconds() + " s", "miss");
            return Optional.empty();
        }
        Checked<O> checked = check(program, input, rules, hit.get(), RunStep.CACHED_ANSWER_CHECK, steps);
        return checked.violations().isEmpty() ? Optional.of(checked.output()) : Optional.empty();
    }

    private <I, O> Checked<O> check(AgentProgram<I, O> program, I input, O rules, String text, String stepName,
                                    StepRecorder steps) {
        List<String> violations;
        O output = null;
        try {
            output = strictMapper.readValue(stripFences(text), program.outputType());
            violations = output == null ? List.of("The answer is empty.") : program.check(input, rules, output);
        } catch (JsonProcessingException e) {
            violations = List.of("The answer is not JSON of the required shape: " + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // An answer the agent's check cannot even read (a null where an object belongs) is a refused answer,
            // never a failed run: the rules' output still stands.
            log.warn("The {} check could not read an answer", program.type().code(), e);
            output = null;
            violations = List.of("The answer could not be checked: an entry is missing or null where the required "
                    + "shape has one.");
        }
        steps.mark(stepName, StepKind.GUARDRAIL, violations.isEmpty(), null,
                violations.isEmpty() ? "all rules pass" : String.join("; ", violations));
        return new Checked<>(output, violations);
    }

    private LlmRequest request(String purpose, AgentConfig config, List<LlmMessage> messages, Object tools,
                               Instant deadline) {
        // The gateway cuts each call (and skips retries) to what is left before the deadline.
        return new LlmRequest(purpose, config.model(), config.temperature(), config.maxTokens(),
                Duration.ofSeconds(config.timeoutSeconds()), config.maxRetries(), config.systemPrompt(), messages,
                tools, deadline);
    }

    static String repairMessage(List<String> violations) {
        StringBuilder message = new StringBuilder("Your answer breaks these rules:\n");
        violations.forEach(violation -> message.append("- ").append(violation).append('\n'));
        return message.append("Answer again with the corrected JSON only, in the same shape.").toString();
    }

    /** Models often wrap JSON in a Markdown code fence despite being asked not to. */
    static String stripFences(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("```")) {
            int firstNewline = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstNewline > 0 && closing > firstNewline) {
                return trimmed.substring(firstNewline + 1, closing).strip();
            }
        }
        return trimmed;
    }

    /** SHA-256 of the task type and the input as canonical JSON (keys sorted), the response cache's key. */
    String hash(String type, Object input) {
        JsonNode canonical = canonical(objectMapper.valueToTree(input));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(type.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(objectMapper.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            TreeSet<String> names = new TreeSet<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private record Checked<O>(O output, List<String> violations) {
    }

    /** Tokens and cost summed over the LLM calls of one run; unpriced once any call had no price. */
    private record LlmUsage(String model, int tokensIn, int tokensOut, BigDecimal cost, boolean unpriced,
                            boolean called) {

        static LlmUsage none() {
            return new LlmUsage(null, 0, 0, BigDecimal.ZERO, false, false);
        }

        LlmUsage plus(LlmReply reply) {
            boolean noPrice = unpriced || reply.costUsd() == null;
            BigDecimal sum = noPrice ? null : cost.add(reply.costUsd());
            return new LlmUsage(reply.model(), tokensIn + reply.tokensIn(), tokensOut + reply.tokensOut(), sum,
                    noPrice, true);
        }

        RunOutcome outcome(JsonNode output, OutputSource source, String inputHash) {
            return new RunOutcome(output, source, model, tokensIn, tokensOut, unpriced ? null : cost, unpriced,
                    source == OutputSource.RULES ? null : inputHash);
        }
    }
}
