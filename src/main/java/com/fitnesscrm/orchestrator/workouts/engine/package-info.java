/**
 * The Workout Optimizer's rules engine. {@link com.fitnesscrm.orchestrator.workouts.engine.WorkoutEngine} is the one
 * way in (plan and check), {@link com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue} the data it plans
 * from (also what the exercise table is filled from); the rest is package-private and split along the engine's seams:
 * building a week ({@code WeekBuilder}), the time budget of a session ({@code TimeBudget}), volume balancing
 * ({@code VolumeBalance}, {@code MuscleFocus}), writing the plan ({@code PlanWriter}, {@code RulesChecked}), the
 * rules ({@code GoalRules}, {@code Split}) and their check ({@code WorkoutValidator}). Other features never see this
 * package (ArchitectureTest), and this feature's views and controllers reach it only through the root.
 */
package com.fitnesscrm.orchestrator.workouts.engine;
