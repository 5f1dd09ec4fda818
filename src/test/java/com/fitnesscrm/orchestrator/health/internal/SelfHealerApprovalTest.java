package com.fitnesscrm.orchestrator.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fitnesscrm.orchestrator.execution.RunRecovery;
import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.fitnesscrm.orchestrator.health.SelfHealingPolicy;
import com.fitnesscrm.orchestrator.llm.LlmGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What a dry run would have done, done for real once a person approved it, and logged naming them. */
class SelfHealerApprovalTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    private final SelfHealingPolicy policy = mock(SelfHealingPolicy.class);
    private final RemediationLog log = mock(RemediationLog.class);
    private final SelfHealingOverrides overrides = mock(SelfHealingOverrides.class);
    private final RunRecovery recovery = mock(RunRecovery.class);
    private final SelfHealer healer = new SelfHealer(policy, log, mock(HealingSignals.class), overrides, recovery,
            mock(LlmGateway.class), mock(DataSource.class), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Remediation entry(long id, RemediationKind kind, SelfHealingMode mode, Integer agentId) {
        return new Remediation(id, kind, mode, "Agent 'Progress Monitor': its LLM gave no answer in 3 runs.",
                Map.of("failed_runs", 3), "Would answer from its rules engine", agentId, List.of(5L),
                NOW.minusSeconds(60), null, null, null, null, null);
    }

    @Test
    void an_approved_rules_only_switch_is_logged_as_done_for_its_cool_down_naming_the_approver() {
        when(policy.coolDown()).thenReturn(Duration.ofMinutes(10));
        when(log.find(11)).thenReturn(Optional.of(entry(11, RemediationKind.LLM_RULES_ONLY,
                SelfHealingMode.DRY_RUN, 3)));
        when(log.write(any())).thenAnswer(call -> {
            RemediationLog.Entry written = call.getArgument(0);
            return new Remediation(20, written.kind(), written.mode(), written.reason(), written.evidence(),
                    written.result(), written.agentId(), written.runIds(), written.at(), written.expiresAt(), null,
                    null, null, null);
        });

        List<Map<String, Object>> done = healer.applyApproved(List.of(11L), "root");

        ArgumentCaptor<RemediationLog.Entry> written = ArgumentCaptor.forClass(RemediationLog.Entry.class);
        verify(log).write(written.capture());
        assertThat(written.getValue().mode()).isEqualTo(SelfHealingMode.ON);
        assertThat(written.getValue().agentId()).isEqualTo(3);
        assertThat(written.getValue().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(written.getValue().reason()).endsWith("Approved by root (dry run 11).");
        assertThat(written.getValue().evidence()).containsEntry("approved_by", "root").containsEntry("dry_run_id", 11L);
        verify(overrides).changed();
        assertThat(done).singleElement().satisfies(summary -> {
            assertThat(summary).containsEntry("applied", true).containsEntry("id", 20L);
        });
    }

    @Test
    void an_entry_that_is_no_dry_run_or_whose_condition_is_gone_is_skipped_and_says_why() {
        when(log.find(12)).thenReturn(Optional.of(entry(12, RemediationKind.CACHE_CLEAR, SelfHealingMode.ON, 3)));
        when(log.find(13)).thenReturn(Optional.of(entry(13, RemediationKind.STUCK_RUN_TIMEOUT,
                SelfHealingMode.DRY_RUN, null)));
        when(recovery.timeOutStuckRuns()).thenReturn(List.of());

        List<Map<String, Object>> done = healer.applyApproved(List.of(12L, 13L, 14L), "root");

        verify(log, never()).write(any());
        assertThat(done).extracting(summary -> summary.get("applied")).containsOnly(false);
        assertThat(done).extracting(summary -> summary.get("result")).containsExactly(
                "It is no dry run: it was done when it was logged.",
                "Nothing to do any more: the condition the dry run found is gone.",
                "There is no remediation 14.");
    }
}
