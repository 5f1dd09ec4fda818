package com.fitnesscrm.orchestrator.health.internal;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthAlert.Kind;
import com.fitnesscrm.orchestrator.health.HealthReport;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which alerts a check calls for, against the latest alert of each component: plain Java, no I/O. A component whose
 * status differs from the one last alerted gets a change (to warning or critical) or a recovery (to healthy); one
 * still critical {@code repeat} after its last alert gets a reminder. Nothing alerted yet counts as healthy.
 */
final class AlertRules {

    static final int MAX_MESSAGE = 2000;

    /** The latest alert of a component: its number, the status it told of and the check it came from. */
    record Last(int seq, HealthStatus to, Instant at) {
    }

    /** An alert to record (as number {@code seq} of its component) and send. */
    record Decision(ComponentHealth component, int seq, Kind kind, HealthStatus from, HealthStatus to,
                    String message) {
    }

    private AlertRules() {
    }

    static List<Decision> decide(HealthReport report, Map<String, Last> latest, Duration repeat) {
        List<Decision> decisions = new ArrayList<>();
        for (ComponentHealth component : report.components()) {
            Last last = latest.get(component.component());
            HealthStatus before = last == null ? HealthStatus.HEALTHY : last.to();
            int seq = last == null ? 1 : last.seq() + 1;
            HealthStatus now = component.status();
            if (now != before) {
                Kind kind = now == HealthStatus.HEALTHY ? Kind.RECOVERY : Kind.CHANGE;
                decisions.add(new Decision(component, seq, kind, before, now, message(kind, component, before)));
            } else if (now == HealthStatus.CRITICAL && last != null
                    && !report.checkedAt().isBefore(last.at().plus(repeat))) {
                decisions.add(new Decision(component, seq, Kind.REMINDER, before, now,
                        message(Kind.REMINDER, component, before)));
            }
        }
        return decisions;
    }

    static String message(Kind kind, ComponentHealth component, HealthStatus before) {
        String name = component.component();
        String text = switch (kind) {
            case CHANGE -> name + " is " + component.status().code() + " (was " + before.code() + "): ";
            case RECOVERY -> name + " is healthy again (was " + before.code() + "): ";
            case REMINDER -> name + " is still critical: ";
        } + component.message();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
