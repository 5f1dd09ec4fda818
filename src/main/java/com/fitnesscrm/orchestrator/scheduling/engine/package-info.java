/**
 * Scheduling Intelligence's rules engine. {@link com.fitnesscrm.orchestrator.scheduling.engine.SchedulingEngine} is
 * the one way in (a {@code SchedulingInput} in, a {@code SchedulingOutput} out, both records of the feature's root);
 * behind it, package-private: the free-text reader ({@code PreferenceParser}), the trainer's hours given or learned
 * ({@code WorkingHours}), the hard rules ({@code Calendar}), the show-up rates ({@code ShowRates}) and the soft
 * scores and words ({@code SlotScorer}).
 */
package com.fitnesscrm.orchestrator.scheduling.engine;
