package com.fitnesscrm.orchestrator.agents;

import java.util.List;
import java.util.Optional;

/**
 * What an agent does, as the original service's {@code task_type} names it. The five original types are listed here;
 * an {@link AgentProgram} may bring another (the runtime's tests do).
 *
 * @param code        the task type, e.g. {@code workout_optimization}
 * @param displayName the name the type's default agent gets, e.g. "Workout Optimizer"
 */
public record AgentType(String code, String displayName) {

    public static final AgentType WORKOUT_OPTIMIZATION = new AgentType("workout_optimization", "Workout Optimizer");
    public static final AgentType PROGRESS_MONITORING = new AgentType("progress_monitoring", "Progress Monitor");
    public static final AgentType SCHEDULING = new AgentType("scheduling", "Scheduling Intelligence");
    public static final AgentType HEALTH_CHECK = new AgentType("health_check", "Health Checker");
    public static final AgentType CODE_ANALYSIS = new AgentType("code_analysis", "Code Analyzer");

    /** The original service's agents, created at the first start. */
    public static final List<AgentType> ORIGINAL = List.of(WORKOUT_OPTIMIZATION, PROGRESS_MONITORING, SCHEDULING,
            HEALTH_CHECK, CODE_ANALYSIS);

    public static Optional<AgentType> original(String code) {
        return ORIGINAL.stream().filter(type -> type.code().equals(code)).findFirst();
    }
}
