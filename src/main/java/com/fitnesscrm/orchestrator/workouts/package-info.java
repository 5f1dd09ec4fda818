/**
 * The Workout Optimizer: multi-week training plans a certified coach would sign, with or without an LLM.
 *
 * <p>The root is the feature's API: {@link com.fitnesscrm.orchestrator.workouts.WorkoutService} is what views and REST
 * call; {@link com.fitnesscrm.orchestrator.workouts.WorkoutRequest} (read from the main backend's JSON by
 * {@link com.fitnesscrm.orchestrator.workouts.WorkoutInputReader}) goes in and
 * {@link com.fitnesscrm.orchestrator.workouts.WorkoutPlan} comes out, drawn within the MRV and MV of
 * {@link com.fitnesscrm.orchestrator.workouts.VolumeLandmarks}; the enums of both and of the exercise catalogue
 * trainers browse are in {@code workouts.vocabulary}.
 * {@link com.fitnesscrm.orchestrator.workouts.WorkoutOptimizerAgent} plugs the rules engine and the LLM layer into
 * the runtime. The rules engine itself is {@code workouts.engine}, behind {@code WorkoutEngine} (plain Java: it
 * writes a plan from the request and the exercise catalogue {@code workouts/exercises.csv}, and checks every rule on
 * any plan); {@code ui} holds the views and the volume chart, {@code api} the REST controller, {@code internal} the
 * tables. The rules and the choices made where the requirements were silent are in
 * docs/decisions/0008-workout-optimizer.md.
 */
package com.fitnesscrm.orchestrator.workouts;
