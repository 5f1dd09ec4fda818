package com.fitnesscrm.orchestrator.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthAlert.Kind;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void a_component_turning_critical_is_one_change_from_healthy_when_nothing_was_alerted_yet() {
        List<AlertRules.Decision> decisions = AlertRules.decide(report(NOW, "disk", HealthStatus.CRITICAL),
                Map.of(), FOUR_HOURS);

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.CHANGE);
            assertThat(d.seq()).isEqualTo(1);
            assertThat(d.from()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(d.message()).isEqualTo("disk is critical (was healthy): disk says so");
        });
    }

    @Test
    void the_same_status_again_is_no_alert_and_healthy_from_the_start_is_none_either() {
        Map<String, AlertRules.Last> last = Map.of("disk", new AlertRules.Last(3, HealthStatus.WARNING, NOW));

        assertThat(AlertRules.decide(report(NOW.plusSeconds(300), "disk", HealthStatus.WARNING), last, FOUR_HOURS))
                .isEmpty();
        assertThat(AlertRules.decide(report(NOW, "jvm", HealthStatus.HEALTHY), Map.of(), FOUR_HOURS)).isEmpty();
    }

    @Test
    void back_to_healthy_is_a_recovery_and_warning_to_critical_a_change() {
        Map<String, AlertRules.Last> last = Map.of("disk", new AlertRules.Last(3, HealthStatus.WARNING, NOW));

        assertThat(AlertRules.decide(report(NOW, "disk", HealthStatus.HEALTHY), last, FOUR_HOURS)).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Kind.RECOVERY);
                    assertThat(d.seq()).isEqualTo(4);
                    assertThat(d.message()).startsWith("disk is healthy again (was warning)");
                });
        assertThat(AlertRules.decide(report(NOW, "disk", HealthStatus.CRITICAL), last, FOUR_HOURS))
                .extracting(AlertRules.Decision::kind).containsExactly(Kind.CHANGE);
    }

    @Test
    void a_component_still_critical_is_reminded_once_the_repeat_interval_has_passed_and_not_before() {
        Map<String, AlertRules.Last> last = Map.of("disk", new AlertRules.Last(2, HealthStatus.CRITICAL, NOW));

        assertThat(AlertRules.decide(report(NOW.plus(FOUR_HOURS).minusSeconds(1), "disk", HealthStatus.CRITICAL),
                last, FOUR_HOURS)).isEmpty();
        assertThat(AlertRules.decide(report(NOW.plus(FOUR_HOURS), "disk", HealthStatus.CRITICAL), last, FOUR_HOURS))
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Kind.REMINDER);
                    assertThat(d.seq()).isEqualTo(3);
                    assertThat(d.message()).startsWith("disk is still critical");
                });
        // a warning is not reminded
        Map<String, AlertRules.Last> warning = Map.of("disk", new AlertRules.Last(2, HealthStatus.WARNING, NOW));
        assertThat(AlertRules.decide(report(NOW.plus(Duration.ofDays(1)), "disk", HealthStatus.WARNING), warning,
                FOUR_HOURS)).isEmpty();
    }

    @Test
    void a_long_message_is_cut_to_what_the_log_keeps() {
        ComponentHealth verbose = new ComponentHealth("crm", HealthStatus.CRITICAL, "x".repeat(5000), Map.of());

        assertThat(AlertRules.message(Kind.CHANGE, verbose, HealthStatus.HEALTHY)).hasSize(AlertRules.MAX_MESSAGE);
    }

    static HealthReport report(Instant at, String component, HealthStatus status) {
        return new HealthReport(status, List.of(new ComponentHealth(component, status, component + " says so",
                Map.of("free_percent", 3.0))), List.of(), List.of(), at);
    }
}
