/**
 * The Workout Optimizer: multi-week training plans a certified coach would sign, with or without an LLM.
 *
 * <p>{@link com.fitnesscrm.orchestrator.workouts.WorkoutEngine} (plain Java) writes a plan from
 * {@link com.fitnesscrm.orchestrator.workouts.WorkoutRequest} and the exercise catalogue
 * ({@code workouts/exercises.csv}); {@link com.fitnesscrm.orchestrator.workouts.WorkoutValidator} checks every rule on
 * any plan; {@link com.fitnesscrm.orchestrator.workouts.WorkoutOptimizerAgent} plugs both and the LLM layer into the
 * runtime; {@link com.fitnesscrm.orchestrator.workouts.WorkoutService} is what views and REST call. The rules and the
 * choices made where the requirements were silent are in docs/decisions/0008-workout-optimizer.md.
 */
package com.fitnesscrm.orchestrator.workouts;
