/**
 * The words the Workout Optimizer's requests, plans and exercise catalogue are written in: goal, fitness level,
 * equipment, movement pattern, mechanics, muscle, contraindication and focus area. Each is written and read in JSON
 * by its code (the name in lower case, {@code base.JsonCoded}). Views, controllers and the rules engine all use them,
 * so they sit beside the root rather than below it: ArchitectureTest lets {@code api} and {@code ui} reach a
 * feature's {@code vocabulary} and nothing else below its root.
 */
package com.fitnesscrm.orchestrator.workouts.vocabulary;
