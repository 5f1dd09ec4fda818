package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.execution.RunRecovery;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import com.fitnesscrm.orchestrator.health.engine.HealthReadings;
import com.fitnesscrm.orchestrator.llm.LlmException;
import com.fitnesscrm.orchestrator.llm.LlmGateway;
import com.fitnesscrm.orchestrator.llm.LlmMessage;
import com.fitnesscrm.orchestrator.llm.LlmRequest;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Self-healing (docs/decisions/0021, "Self-healing"): after a check, does what is safe about what it found, each
 * remediation written to the log first-hand, at most {@link SelfHealingPolicy#maxPerHour()} of a kind in any hour;
 * in {@code dry_run} only logs what it would do, and {@code off} does neither. What is not safe to do is left to the
 * report's recommendations. One node heals at a time (a PostgreSQL advisory lock): a check elsewhere skips it.
 */
@Component
public class SelfHealer {

    /** The advisory lock's key: "ai_heal" in ASCII. */
    private static final long LOCK = 0x61695f6865616cL;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SelfHealer.class);

    private final SelfHealingPolicy policy;
    private final RemediationLog remediations;
    private final HealingSignals signals;
    private final SelfHealingOverrides overrides;
    private final RunRecovery recovery;
    private final LlmGateway llm;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SelfHealer(SelfHealingPolicy policy, RemediationLog remediations, HealingSignals signals,
               SelfHealingOverrides overrides, RunRecovery recovery, LlmGateway llm, DataSource dataSource,
               Clock clock) {
        this.policy = policy;
        this.remediations = remediations;
        this.signals = signals;
        this.overrides = overrides;
        this.recovery = recovery;
        this.llm = llm;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /**
     * What one check healed: the log entries it wrote (or, for a rules-only switch that ended, updated), as the
     * report's {@code remediations}, and what it leaves to a person.
     */
    public record Outcome(List<Map<String, Object>> remediations, List<String> recommendations) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    public Outcome heal(HealthReadings readings) {
        SelfHealingMode mode = policy.mode();
        if (mode == SelfHealingMode.OFF) {
            return Outcome.NONE;
        }
        if (!readings.database().reachable()) {
            // Nothing is done that cannot be put on the record.
            return new Outcome(List.of(), List.of("Self-healing waits for the database: a remediation is only done "
                    + "when it can be logged."));
        }
        try {
            return jdbc.execute((ConnectionCallback<Outcome>) con -> {
                try (Statement statement = con.createStatement()) {
                    if (!locked(statement, "SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                        return Outcome.NONE; // another node heals right now, from its own check
                    }
                    try {
                        return healLocked(readings, mode);
                    } finally {
                        locked(statement, "SELECT pg_advisory_unlock(" + LOCK + ")");
                    }
                }
            });
        } catch (DataAccessException e) {
            log.warn("Self-healing stopped: {}", e.getMostSpecificCause().getMessage());
            return new Outcome(List.of(), List.of("Self-healing stopped because the remediation log could not be "
                    + "read or written: " + e.getMostSpecificCause().getMessage()));
        }
    }

    private static boolean locked(Statement statement, String sql) throws java.sql.SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private Outcome healLocked(HealthReadings readings, SelfHealingMode mode) {
        Round round = new Round(mode, clock.instant());
        if (mode == SelfHealingMode.ON) {
            round.attempt("probing agents switched to their rules", () -> probeLapsedSwitches(round));
        }
        round.attempt("refilling the connection pool", () -> refillPool(readings.database(), round));
        round.attempt("releasing a dead node's runs", () -> releaseDeadNodeRuns(round));
        round.attempt("timing out stuck runs", () -> timeOutStuckRuns(round));
        round.attempt("switching failing agents to their rules", () -> switchFailingAgentsToRules(round));
        round.attempt("clearing failing response caches", () -> clearFailingCaches(round));
        return new Outcome(round.done, round.recommendations);
    }

    /**
     * Does for real what dry-run entries of the log would have done, because a person approved them (the
     * {@code incident_triage} workflow's approval step). Each is written to the log again as done ({@code on}), its
     * reason naming the approver and the dry run; the hourly limit does not apply to a person's decision, as it does
     * not to an undo. An entry that is not a dry run, was undone, or whose condition is gone (no dead node's runs
     * left, no stuck run) is reported and skipped.
     *
     * @return one summary per entry asked for, as the report lists remediations, with {@code applied} true or false
     */
    public List<Map<String, Object>> applyApproved(List<Long> dryRunIds, String approvedBy) {
        Instant now = clock.instant();
        List<Map<String, Object>> results = new ArrayList<>();
        for (long id : dryRunIds) {
            Remediation dryRun = remediations.find(id).orElse(null);
            if (dryRun == null || dryRun.mode() != SelfHealingMode.DRY_RUN || dryRun.undoneAt() != null) {
                Map<String, Object> skipped = new LinkedHashMap<>();
                skipped.put("dry_run_id", id);
                skipped.put("applied", false);
                skipped.put("result", dryRun == null ? "There is no remediation " + id + "."
                        : dryRun.undoneAt() != null ? "It was undone at " + dryRun.undoneAt() + "."
                        : "It is no dry run: it was done when it was logged.");
                results.add(skipped);
                continue;
            }
            results.add(applyApproved(dryRun, approvedBy, now));
        }
        return results;
    }

    private Map<String, Object> applyApproved(Remediation dryRun, String approvedBy, Instant now) {
        List<Long> runIds = dryRun.runIds();
        Instant expiresAt = null;
        String result = switch (dryRun.kind()) {
            case POOL_REFILL -> {
                if (!(dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
                    yield null;
                }
                hikari.getHikariPoolMXBean().softEvictConnections();
                yield "Evicted the pool's connections; it opens fresh ones as needed.";
            }
            case DEAD_NODE_RELEASE -> {
                runIds = recovery.releaseDeadNodeRuns();
                yield runIds.isEmpty() ? null : "Released " + runIds.size() + " run(s) to the queue for any node to "
                        + "take; each runs again from the start.";
            }
            case STUCK_RUN_TIMEOUT -> {
                runIds = recovery.timeOutStuckRuns();
                yield runIds.isEmpty() ? null : "Recorded " + runIds.size() + " run(s) as timed out; a late answer "
                        + "from their executor is then ignored.";
            }
            case LLM_RULES_ONLY -> {
                expiresAt = now.plus(policy.coolDown());
                yield "Answers from its rules engine without asking the LLM for " + minutes(policy.coolDown())
                        + ", then a probe of the LLM switches it back.";
            }
            case CACHE_CLEAR -> "Answers it cached until now are not served any more; each input asks the LLM "
                    + "again once.";
        };
        if (result == null) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("dry_run_id", dryRun.id());
            skipped.put("kind", dryRun.kind().code());
            skipped.put("applied", false);
            skipped.put("result", "Nothing to do any more: the condition the dry run found is gone.");
            return skipped;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(dryRun.evidence());
        evidence.put("dry_run_id", dryRun.id());
        evidence.put("approved_by", approvedBy);
        Remediation written = remediations.write(new RemediationLog.Entry(dryRun.kind(), SelfHealingMode.ON,
                dryRun.reason() + " Approved by " + approvedBy + " (dry run " + dryRun.id() + ").", evidence, result,
                dryRun.agentId(), runIds, now, expiresAt));
        if (written.agentId() != null) {
            overrides.changed();
        }
        log.warn("Self-healing (approved by {}): {} {}", approvedBy, written.reason(), result);
        Map<String, Object> summary = summary(written, result);
        summary.put("dry_run_id", dryRun.id());
        summary.put("applied", true);
        return summary;
    }

    /** After connection errors, with the database back: fresh connections instead of ones that may be broken. */
    private void refillPool(HealthReadings.Database database, Round round) {
        Instant failed = database.lastFailedConnection();
        if (failed == null || failed.isBefore(round.now.minus(Duration.ofHours(1)))
                || !(dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
            return;
        }
        if (remediations.latest(RemediationKind.POOL_REFILL, null).filter(at -> !at.isBefore(failed)).isPresent()) {
            return; // this episode of connection errors was handled already
        }
        if (!round.allowed(RemediationKind.POOL_REFILL, "evicting the connection pool")) {
            return;
        }
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("last_failed_connection", failed.toString());
        evidence.put("pool_active", pool.getActiveConnections());
        evidence.put("pool_idle", pool.getIdleConnections());
        evidence.put("pool_waiting", pool.getThreadsAwaitingConnection());
        evidence.put("pool_max", hikari.getMaximumPoolSize());
        String reason = "A connection to the database failed at " + failed + "; the pool may hold connections "
                + "that no longer work.";
        String result;
        if (round.mode == SelfHealingMode.ON) {
            pool.softEvictConnections();
            result = "Evicted the pool's connections (" + evidence.get("pool_idle") + " idle at once, "
                    + evidence.get("pool_active") + " in use as they are returned); it opens fresh ones as needed.";
        } else {
            result = "Would evict the pool's connections (" + evidence.get("pool_idle") + " idle, "
                    + evidence.get("pool_active") + " in use) so that it opens fresh ones.";
        }
        round.write(RemediationKind.POOL_REFILL, reason, evidence, result, null, List.of(), null);
    }

    private void releaseDeadNodeRuns(Round round) {
        List<Long> dead = recovery.deadNodeRuns();
        if (dead.isEmpty() || !round.allowed(RemediationKind.DEAD_NODE_RELEASE,
                "releasing " + dead.size() + " async run(s) of a dead node")) {
            return;
        }
        List<Long> released = round.mode == SelfHealingMode.ON ? recovery.releaseDeadNodeRuns() : dead;
        if (released.isEmpty()) {
            return; // the durable scheduler revived them meanwhile
        }
        String reason = released.size() + " async run(s) are held by a node that stopped sending heartbeats (or "
                + "never sent one).";
        String result = (round.mode == SelfHealingMode.ON ? "Released " : "Would release ") + released.size()
                + " run(s) to the queue for any node to take; each runs again from the start.";
        round.write(RemediationKind.DEAD_NODE_RELEASE, reason, Map.of("runs", released.size()), result, null,
                released, null);
    }

    private void timeOutStuckRuns(Round round) {
        List<Long> stuck = recovery.stuckRuns();
        if (stuck.isEmpty() || !round.allowed(RemediationKind.STUCK_RUN_TIMEOUT,
                "timing out " + stuck.size() + " run(s) stuck past their deadline")) {
            return;
        }
        List<Long> stopped = round.mode == SelfHealingMode.ON ? recovery.timeOutStuckRuns() : stuck;
        if (stopped.isEmpty()) {
            return; // their executors finished them meanwhile
        }
        String reason = stopped.size() + " run(s) are still running more than 30 s past their deadline (their "
                + "agent's timeout), and no executor stopped them.";
        String result = (round.mode == SelfHealingMode.ON ? "Recorded " : "Would record ") + stopped.size()
                + " run(s) as timed out; a late answer from their executor is then ignored.";
        round.write(RemediationKind.STUCK_RUN_TIMEOUT, reason, Map.of("runs", stopped.size()), result, null,
                stopped, null);
    }

    private void switchFailingAgentsToRules(Round round) {
        for (HealingSignals.AgentSignal agent : signals.llmFailing(round.now)) {
            if (agent.failPolicy()) {
                round.recommendations.add("Agent '" + agent.agentName() + "': its LLM gave no answer in "
                        + agent.count() + " runs within 15 minutes. Its fallback policy is 'fail', so self-healing "
                        + "does not switch it to its rules: check the provider and the agent's model.");
                continue;
            }
            if (!round.allowed(RemediationKind.LLM_RULES_ONLY, "switching agent '" + agent.agentName()
                    + "' to its rules")) {
                continue;
            }
            Duration coolDown = policy.coolDown();
            String reason = "Agent '" + agent.agentName() + "': its LLM gave no answer (an error after its retries, "
                    + "or a timeout) in " + agent.count() + " runs within 15 minutes.";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("failed_runs", agent.count());
            evidence.put("last_reason", agent.lastDetail());
            evidence.put("cool_down_minutes", coolDown.toMinutes());
            boolean on = round.mode == SelfHealingMode.ON;
            String result = (on ? "Answers from its rules engine without asking the LLM for "
                    : "Would answer from its rules engine without asking the LLM for ") + minutes(coolDown)
                    + ", then a probe of the LLM switches it back.";
            round.write(RemediationKind.LLM_RULES_ONLY, reason, evidence, result, agent.agentId(), agent.runIds(),
                    on ? round.now.plus(coolDown) : null);
        }
    }

    private void clearFailingCaches(Round round) {
        for (HealingSignals.AgentSignal agent : signals.cachedAnswersFailing(round.now)) {
            if (!round.allowed(RemediationKind.CACHE_CLEAR, "clearing agent '" + agent.agentName()
                    + "''s response cache")) {
                continue;
            }
            String reason = "Agent '" + agent.agentName() + "': " + agent.count() + " answer(s) from its response "
                    + "cache failed its rules' check in the last hour, so its other cached answers may too.";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("failed_cached_answers", agent.count());
            evidence.put("last_violation", agent.lastDetail());
            String result = round.mode == SelfHealingMode.ON
                    ? "Answers it cached until now are not served any more; each input asks the LLM again once."
                    : "Would stop serving the answers it cached until now.";
            round.write(RemediationKind.CACHE_CLEAR, reason, evidence, result, agent.agentId(), agent.runIds(),
                    null);
        }
    }

    /** Rules-only switches whose cool-down is over: one small call to the LLM decides whether they end. */
    private void probeLapsedSwitches(Round round) {
        for (Remediation lapsed : remediations.lapsedSwitches(round.now)) {
            if (!llm.status().configured()) {
                remediations.endSwitch(lapsed.id(), round.now, lapsed.result() + " Switched back after the "
                        + "cool-down: no LLM is configured any more.");
                round.ended(lapsed, "switched back: no LLM is configured");
                continue;
            }
            String model = signals.model(lapsed.agentId());
            try {
                llm.chat(new LlmRequest("health probe", model, null, 5, PROBE_TIMEOUT, 0,
                        "Answer with the single word OK.", List.of(LlmMessage.user("Are you there?")), null,
                        clock.instant().plus(PROBE_TIMEOUT)), step -> { });
                remediations.endSwitch(lapsed.id(), round.now, lapsed.result() + " Switched back at " + round.now
                        + ": a probe of the LLM answered.");
                round.ended(lapsed, "switched back to its LLM: a probe answered");
            } catch (LlmException e) {
                Instant until = round.now.plus(policy.coolDown());
                remediations.extendSwitch(lapsed.id(), until, lapsed.result() + " A probe at " + round.now
                        + " got no answer (" + e.getMessage() + "): rules only until " + until + ".");
                round.ended(lapsed, "still rules only: a probe got no answer, another " + minutes(policy.coolDown()));
            }
            overrides.changed();
        }
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + " min" : duration.toSeconds() + " s";
    }

    /** One check's healing: what it did and what it leaves to a person. */
    private final class Round {

        final SelfHealingMode mode;
        final Instant now;
        final List<Map<String, Object>> done = new ArrayList<>();
        final List<String> recommendations = new ArrayList<>();

        Round(SelfHealingMode mode, Instant now) {
            this.mode = mode;
            this.now = now;
        }

        /** One kind of remediation; a failure of its own stops neither the others nor the report of what was done. */
        void attempt(String what, Runnable remediation) {
            try {
                remediation.run();
            } catch (DataAccessException e) {
                log.warn("Self-healing failed {}: {}", what, e.getMostSpecificCause().getMessage());
                recommendations.add("Self-healing failed " + what + " (" + e.getMostSpecificCause().getMessage()
                        + "); look at the server log.");
            } catch (RuntimeException e) {
                // A fault of ours: the check and the other remediations go on, and the log has the details.
                log.error("Self-healing failed {}", what, e);
                recommendations.add("Self-healing failed " + what + "; look at the server log.");
            }
        }

        /** Whether the hourly limit of {@code kind} leaves room; if not, a person is told what was not done. */
        boolean allowed(RemediationKind kind, String what) {
            int max = policy.maxPerHour();
            if (remediations.countSince(kind, now.minus(Duration.ofHours(1))) < max) {
                return true;
            }
            recommendations.add("Self-healing did " + max + " " + kind.code() + " remediation(s) in the last hour, "
                    + "its limit (SELF_HEALING_MAX_PER_HOUR); " + what + " is left to a person.");
            return false;
        }

        void write(RemediationKind kind, String reason, Map<String, Object> evidence, String result, Integer agentId,
                   List<Long> runIds, Instant expiresAt) {
            Remediation written = remediations.write(new RemediationLog.Entry(kind, mode, reason, evidence, result,
                    agentId, runIds, now, expiresAt));
            if (agentId != null && mode == SelfHealingMode.ON) {
                overrides.changed();
            }
            log.warn("Self-healing ({}): {} {}", mode.code(), reason, result);
            done.add(summary(written, result));
        }

        void ended(Remediation switched, String result) {
            done.add(summary(switched, result));
        }
    }

    /**
     * As the report lists it: {@code {id, kind, mode, reason, result, agent_id, run_ids, at}}, with the issue's
     * names beside them ({@code what, why, evidence, when, undone_at}).
     */
    static Map<String, Object> summary(Remediation remediation, String result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", remediation.id());
        summary.put("kind", remediation.kind().code());
        summary.put("mode", remediation.mode().code());
        summary.put("reason", remediation.reason());
        summary.put("result", result);
        if (remediation.agentId() != null) {
            summary.put("agent_id", remediation.agentId());
        }
        if (!remediation.runIds().isEmpty()) {
            summary.put("run_ids", remediation.runIds());
        }
        summary.put("at", remediation.createdAt().toString());
        summary.put("what", remediation.what());
        summary.put("why", remediation.reason());
        summary.put("evidence", remediation.evidence());
        summary.put("when", remediation.createdAt().toString());
        summary.put("undone_at", remediation.undoneAt() == null ? null : remediation.undoneAt().toString());
        return summary;
    }
}
