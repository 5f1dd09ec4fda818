package com.fitnesscrm.orchestrator.workouts.ui;

import com.fitnesscrm.orchestrator.base.ui.CsvCells;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import java.util.List;

/** A plan as CSV, one exercise a line, for spreadsheets (RFC 4180 quoting; cells that look like formulas defused). */
public final class PlanCsv {

    private static final List<String> HEADER = List.of("week", "deload", "day", "session", "exercise", "pattern",
            "sets", "reps", "minutes", "rest_seconds", "intensity", "suggested_load_kg", "progression", "reason");

    private PlanCsv() {
    }

    public static String of(WorkoutPlan plan) {
        StringBuilder csv = new StringBuilder(CsvCells.row(HEADER));
        for (WorkoutPlan.Week week : plan.weeks()) {
            for (WorkoutPlan.Session session : week.sessions()) {
                for (WorkoutPlan.PlannedExercise exercise : session.exercises()) {
                    List<Object> cells = List.of(week.week(), week.deload(), session.day(), session.name(),
                            exercise.name(), exercise.pattern(), exercise.sets(),
                            exercise.reps().min() + "-" + exercise.reps().max(),
                            exercise.minutes() == null ? "" : exercise.minutes(), exercise.restSeconds(),
                            exercise.intensity() == null ? "" : exercise.intensity().description(),
                            exercise.suggestedLoadKg() == null ? "" : exercise.suggestedLoadKg(),
                            exercise.progression() == null ? "" : exercise.progression(),
                            exercise.reason() == null ? "" : exercise.reason());
                    csv.append(CsvCells.row(cells));
                }
            }
        }
        return csv.toString();
    }
}
