/**
 * The Progress Monitor's rules engine. {@link com.fitnesscrm.orchestrator.progress.engine.ProgressEngine} is the one
 * way in (a {@code ProgressInput} in, a {@code ProgressReport} or {@code ProgressAnalysis} out, all records of the
 * feature's root); the analyses behind it are package-private: lifts ({@code LiftAnalysis}), adherence
 * ({@code AdherenceAnalysis}), goal dates ({@code GoalForecasts}), the sentences ({@code Insights}) and the robust
 * statistics they share ({@code RobustStats}: medians, MAD, Theil–Sen, the one-break fit). Other features never see
 * this package (ArchitectureTest), and this feature's views and controllers reach it only through the root.
 */
package com.fitnesscrm.orchestrator.progress.engine;
