package com.fitnesscrm.orchestrator.progress;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.crm.CrmGoal;
import com.fitnesscrm.orchestrator.crm.CrmUnits;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main backend's goal keys: with no {@code goal_metrics} from its caller it sends {@code {category: target_value}}
 * from its {@code goals} table. {@code weight_loss} is a weight target (a body fat one when its unit is %),
 * {@code muscle_gain} a muscle mass target where muscle mass is measured, else a weight one; {@code strength},
 * {@code endurance}, {@code flexibility} and {@code other} are not body metrics: the answer says so and goes on.
 * A value is in kg unless the CRM's matching goal (same category and target) names another unit.
 */
final class GoalCategories {

    static final String NAMES = "weight_loss, muscle_gain, strength, endurance, flexibility, other";
    private static final List<String> BODY = List.of("weight_loss", "muscle_gain");
    private static final List<String> NOT_BODY = List.of("strength", "endurance", "flexibility", "other");
    /** The CRM's open goals a request without goals gets, at most. */
    private static final int MAX_CRM_GOALS = 3;

    private GoalCategories() {
    }

    /** A goal, a sentence for the report, or both. */
    record Mapped(Goal goal, String note) {
    }

    static boolean isCategory(String key) {
        return BODY.contains(key) || NOT_BODY.contains(key);
    }

    /** One {@code goal_metrics} entry of a category key; {@code crmGoals} may be empty (no CRM). */
    static Mapped map(String category, JsonNode value, String path, List<CrmGoal> crmGoals, List<Reading> readings) {
        if (NOT_BODY.contains(category)) {
            return new Mapped(null, "The " + category + " goal (" + value.asText() + ") is not a body measurement: "
                    + "the Progress Monitor forecasts body metrics only, so it has no date here.");
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new InvalidInputException(path, "'" + path + "' must be a number.");
        }
        double sent = value.asDouble();
        // The row the main backend built this key from: same category, same target; an open one first.
        Optional<CrmGoal> row = crmGoals.stream()
                .filter(g -> category.equals(normal(g.category())) && g.targetValue() != null
                        && Math.abs(g.targetValue() - sent) < 1e-6)
                .min(Comparator.comparing((CrmGoal g) -> !g.isOpen()).thenComparing(CrmGoal::id));
        return toGoal(category, sent, row.map(CrmGoal::targetUnit).orElse(null),
                row.map(CrmGoal::targetDate).orElse(null), row.orElse(null), readings);
    }

    /** The CRM's open body goals, for a request that set none; only those with data to start from. */
    static List<Mapped> fromCrm(List<CrmGoal> crmGoals, List<Reading> readings) {
        List<Mapped> goals = new ArrayList<>();
        for (CrmGoal row : crmGoals) {
            if (goals.size() == MAX_CRM_GOALS) {
                break;
            }
            String category = normal(row.category());
            if (!row.isOpen() || row.targetValue() == null || row.targetValue() <= 0 || !BODY.contains(category)) {
                continue;
            }
            Mapped mapped = toGoal(category, row.targetValue(), row.targetUnit(), row.targetDate(), row, readings);
            if (mapped.goal() != null && readings.stream().anyMatch(r -> r.metric() == mapped.goal().metric())) {
                goals.add(mapped);
            }
        }
        return goals;
    }

    private static Mapped toGoal(String category, double value, String unit, LocalDate byDate, CrmGoal row,
                                 List<Reading> readings) {
        Long id = row == null ? null : row.id();
        String status = row == null ? null : row.status();
        boolean percent = unit != null && (unit.strip().equals("%") || unit.strip().equalsIgnoreCase("percent"));
        String unknownUnit = unit != null && !CrmUnits.isKnown(unit) ? " Its unit '" + unit + "' is not kg, lbs or %; "
                + "it is read as kg." : null;
        if (category.equals("weight_loss")) {
            if (percent) {
                return new Mapped(new Goal(Metric.BODY_FAT_PCT, value, byDate, id, status), null);
            }
            return new Mapped(new Goal(Metric.WEIGHT_KG, CrmUnits.toCanonical(value, unit), byDate, id, status),
                    unknownUnit == null ? null : "The weight_loss goal (" + Numbers.plain(value) + ")." + unknownUnit);
        }
        if (percent) {
            return new Mapped(null, "The muscle_gain goal (" + Numbers.plain(value) + " %) names no body "
                    + "measurement the Progress Monitor reads, so it has no date here.");
        }
        boolean muscleMeasured = readings.stream().anyMatch(r -> r.metric() == Metric.MUSCLE_MASS_KG);
        Metric metric = muscleMeasured ? Metric.MUSCLE_MASS_KG : Metric.WEIGHT_KG;
        String note = muscleMeasured ? null : "The muscle_gain goal (" + Numbers.plain(value) + ") is followed as "
                + "body weight: no muscle mass is measured.";
        if (unknownUnit != null) {
            note = (note == null ? "The muscle_gain goal (" + Numbers.plain(value) + ")." : note) + unknownUnit;
        }
        return new Mapped(new Goal(metric, CrmUnits.toCanonical(value, unit), byDate, id, status), note);
    }

    private static String normal(String category) {
        return category == null ? "" : category.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
