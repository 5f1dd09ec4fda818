package com.fitnesscrm.orchestrator.health.engine;

import com.fitnesscrm.orchestrator.health.ComponentHealth;
import com.fitnesscrm.orchestrator.health.HealthStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error-budget burn rate per agent, with the multi-window, multi-burn-rate alerts of Google's SRE workbook
 * (chapter "Alerting on SLOs", https://sre.google/workbook/alerting-on-slos/): a burn rate is the failure rate
 * divided by the error budget (1 − objective). Critical when both the 1 h and the 5 min windows burn at 14.4× or
 * more (2 % of a 30-day budget in an hour), warning when both the 6 h and the 30 min windows burn at 6× or more
 * (5 % in six hours). The short window makes the alert stop soon after the failures do.
 *
 * <p>Low traffic: one failed run of one is a burn of 100×, so the long window must hold at least the agent's
 * {@code min_runs} finished runs before it is judged (the workbook's advice to "not alert on tiny samples").
 */
final class BurnRate {

    static final double CRITICAL_BURN = 14.4;
    static final double WARNING_BURN = 6;

    private BurnRate() {
    }

    static double of(HealthReadings.Window window, double objective) {
        double budget = 1 - objective;
        return window.runs() == 0 || budget <= 0 ? 0 : window.failureRate() / budget;
    }

    static ComponentHealth slo(List<HealthReadings.Agent> agents, String error, List<String> advice) {
        Verdict verdict = new Verdict("slo");
        if (error != null) {
            verdict.warning("The runs of the agents could not be read: " + error + ".");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HealthReadings.Agent agent : agents) {
            double objective = agent.thresholds().sloSuccessRate();
            int minRuns = agent.thresholds().minRuns();
            double hour = of(agent.lastHour(), objective);
            double fiveMinutes = of(agent.last5Minutes(), objective);
            double sixHours = of(agent.last6Hours(), objective);
            double thirtyMinutes = of(agent.last30Minutes(), objective);
            HealthStatus status = HealthStatus.HEALTHY;
            if (agent.enabled() && agent.lastHour().runs() >= minRuns && hour >= CRITICAL_BURN
                    && fiveMinutes >= CRITICAL_BURN) {
                status = HealthStatus.CRITICAL;
                verdict.critical(agent.name() + " burns its error budget at " + Verdict.round(hour, 1) + "× over the "
                        + "last hour and " + Verdict.round(fiveMinutes, 1) + "× over 5 min (objective "
                        + Verdict.percent(objective) + ").");
                advice.add(agent.name() + " is spending its error budget fast: at this rate a month's budget is "
                        + "gone in " + Math.max(1, Math.round(720 / hour)) + " h.");
            } else if (agent.enabled() && agent.last6Hours().runs() >= minRuns && sixHours >= WARNING_BURN
                    && thirtyMinutes >= WARNING_BURN) {
                status = HealthStatus.WARNING;
                verdict.warning(agent.name() + " burns its error budget at " + Verdict.round(sixHours, 1) + "× over "
                        + "6 h and " + Verdict.round(thirtyMinutes, 1) + "× over 30 min (objective "
                        + Verdict.percent(objective) + ").");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", agent.name());
            row.put("objective", objective);
            row.put("status", status.code());
            row.put("burn_rate_5m", Verdict.round(fiveMinutes, 2));
            row.put("burn_rate_30m", Verdict.round(thirtyMinutes, 2));
            row.put("burn_rate_1h", Verdict.round(hour, 2));
            row.put("burn_rate_6h", Verdict.round(sixHours, 2));
            rows.add(row);
        }
        verdict.metric("agents", rows).metric("critical_burn_rate", CRITICAL_BURN)
                .metric("warning_burn_rate", WARNING_BURN);
        return verdict.done("Every agent is within its error budget's burn rates.");
    }
}
