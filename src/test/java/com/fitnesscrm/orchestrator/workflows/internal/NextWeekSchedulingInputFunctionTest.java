package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.NOW;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.plan;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.saved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInputReader;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling Intelligence's input for next week with the client's trainer, from the CRM. */
class NextWeekSchedulingInputFunctionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final CrmDirectory crm = mock(CrmDirectory.class);
    private final WorkoutService workouts = mock(WorkoutService.class);
    private final NextWeekSchedulingInputFunction function = new NextWeekSchedulingInputFunction(crm,
            FunctionFixtures.provider(workouts));

    @BeforeEach
    void gym() {
        when(crm.status()).thenReturn(new CrmStatus(true, "app database", BERLIN, List.of(), Map.of(), Map.of(),
                List.of(), null, null, null));
        when(workouts.savedPlans("7")).thenReturn(List.of());
    }

    private static CrmSession session(long trainerId, int daysFromNow) {
        ZonedDateTime start = NOW.atZone(BERLIN).plusDays(daysFromNow);
        return new CrmSession(daysFromNow + 100, 7, trainerId, start, start.plusHours(1), 60, "pt", null,
                CrmSession.Status.COMPLETED, "completed", null);
    }

    @Test
    void next_week_runs_monday_to_sunday_with_the_trainer_of_the_latest_session() {
        when(crm.sessions(anyLong(), any(), any())).thenReturn(List.of(session(3, -9), session(5, -2),
                session(4, 5)));

        JsonNode out = function.apply(json("{\"client_id\": 7}"), CONTEXT);
        SchedulingInput read = SchedulingInputReader.read(out.get("input"), NOW, SchedulingInputReader.Crm.NONE);

        assertThat(read.trainerId()).isEqualTo(5);
        assertThat(read.from()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(read.to()).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(read.zone()).isEqualTo(BERLIN);
        assertThat(read.count()).isEqualTo(SchedulingInput.DEFAULT_COUNT);
        assertThat(out.path("has_trainer").asBoolean()).isTrue();
        assertThat(out.path("trainer_from").asText()).isEqualTo("latest_session");
    }

    @Test
    void as_many_sessions_as_the_saved_plan_has_a_week_of_its_length() {
        when(workouts.savedPlans("7")).thenReturn(List.of(saved(9, plan("strength", 4, 75, 8, List.of()))));

        JsonNode out = function.apply(json("{\"client_id\": 7, \"trainer_id\": 2}"), CONTEXT);
        SchedulingInput read = SchedulingInputReader.read(out.get("input"), NOW, SchedulingInputReader.Crm.NONE);

        assertThat(read.count()).isEqualTo(4);
        assertThat(read.sessionMinutes()).isEqualTo(75);
        assertThat(read.trainerId()).as("the trainer given").isEqualTo(2);
    }

    @Test
    void without_sessions_the_crms_assignment_names_the_trainer_and_without_either_there_is_none() {
        when(crm.sessions(anyLong(), any(), any())).thenReturn(List.of());
        when(crm.trainers()).thenReturn(List.of(new CrmTrainer(1, "Ann", null, null, true),
                new CrmTrainer(6, "Ben", null, null, true)));
        when(crm.assignedClientIds(1)).thenReturn(Set.of(8L));
        when(crm.assignedClientIds(6)).thenReturn(Set.of(7L));
        assertThat(function.apply(json("{\"client_id\": 7}"), CONTEXT).path("trainer_id").asLong()).isEqualTo(6);

        when(crm.assignedClientIds(6)).thenReturn(Set.of());
        JsonNode none = function.apply(json("{\"client_id\": 7}"), CONTEXT);
        assertThat(none.path("has_trainer").asBoolean()).isFalse();
        assertThat(none.path("input").has("trainer_id")).isFalse();
    }
}
