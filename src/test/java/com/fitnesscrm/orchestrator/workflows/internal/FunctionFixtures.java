package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mockito.Mockito;
import org.springframework.beans.factory.ObjectProvider;

/** What the functions' tests share: a run's context, JSON from text, a saved plan. */
final class FunctionFixtures {

    /** A Wednesday. */
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    static final WorkflowContext CONTEXT = new WorkflowContext(41, "client_check_in", "alice", "user", NOW);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private FunctionFixtures() {
    }

    /** A provider of one bean, as Spring gives a function the services it looks up when called. */
    @SuppressWarnings("unchecked")
    static <T> ObjectProvider<T> provider(T bean) {
        ObjectProvider<T> provider = Mockito.mock(ObjectProvider.class);
        Mockito.when(provider.getObject()).thenReturn(bean);
        return provider;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static WorkoutPlan plan(String goal, int days, int minutes, int weeks, List<String> focus) {
        List<WorkoutPlan.Week> planWeeks = new ArrayList<>();
        for (int week = 1; week <= weeks; week++) {
            planWeeks.add(new WorkoutPlan.Week(week, week % 6 == 0, List.of()));
        }
        return new WorkoutPlan("7", goal, "intermediate", "upper_lower", days, minutes, planWeeks, List.of(), null,
                List.of("rule"), "rules", null, null, focus, List.of());
    }

    static SavedPlan saved(long id, WorkoutPlan plan) {
        return new SavedPlan(id, "7", "Autumn block", plan.goal(), plan.weeks().size(), plan, "rules", 12L, "alice",
                NOW.minusSeconds(86_400));
    }
}
