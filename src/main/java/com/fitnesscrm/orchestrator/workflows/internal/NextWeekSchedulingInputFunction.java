package com.fitnesscrm.orchestrator.workflows.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.workflows.WorkflowContext;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workouts.SavedPlan;
import com.fitnesscrm.orchestrator.workouts.WorkoutService;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code next_week_scheduling_input}: Scheduling Intelligence's input for the client's sessions next week (Monday to
 * Sunday in the gym's time zone) with the client's trainer, who is the one given, else the trainer of the client's
 * latest session in the CRM, else a trainer the CRM assigns the client to. As many sessions as the client's latest
 * saved plan has a week (just saved when the trainer approved a change), of its length; the scheduler reads the
 * trainer's calendar and hours and the client's attendance from the CRM itself.
 */
@Component
class NextWeekSchedulingInputFunction implements WorkflowFunction {

    /** How far back and ahead the client's sessions are looked through for their trainer. */
    static final Duration SESSIONS_BACK = Duration.ofDays(90);
    static final Duration SESSIONS_AHEAD = Duration.ofDays(28);

    private final CrmDirectory crm;
    /** Looked up when called, as in {@link PlanAdjustmentInputFunction}. */
    private final ObjectProvider<WorkoutService> workouts;

    NextWeekSchedulingInputFunction(CrmDirectory crm, ObjectProvider<WorkoutService> workouts) {
        this.crm = crm;
        this.workouts = workouts;
    }

    @Override
    public String name() {
        return "next_week_scheduling_input";
    }

    @Override
    public String description() {
        return "Takes {client_id, trainer_id?} and gives {input (Scheduling Intelligence's, next week), has_trainer, "
                + "trainer_id, trainer_from, week_from, week_to, count}.";
    }

    @Override
    public JsonNode apply(JsonNode input, WorkflowContext context) {
        long clientId = FunctionInputs.requiredId(input, "client_id");
        Long trainerId = FunctionInputs.optionalId(input, "trainer_id");
        String trainerFrom = "input";
        if (trainerId == null) {
            trainerId = latestSessionTrainer(clientId, context).orElse(null);
            trainerFrom = "latest_session";
        }
        if (trainerId == null) {
            trainerId = assignedTrainer(clientId).orElse(null);
            trainerFrom = trainerId == null ? null : "assignment";
        }
        CrmStatus status = crm.status();
        ZoneId zone = status == null || status.timeZone() == null ? ZoneId.of("UTC") : status.timeZone();
        LocalDate monday = context.now().atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Optional<SavedPlan> plan = workouts.getObject().savedPlans(String.valueOf(clientId)).stream().findFirst();
        int count = plan.map(saved -> saved.plan().daysPerWeek()).orElse(SchedulingInput.DEFAULT_COUNT);
        int minutes = plan.map(saved -> saved.plan().minutesPerSession())
                .orElse(SchedulingInput.DEFAULT_SESSION_MINUTES);

        ObjectNode scheduling = FunctionInputs.objectNode();
        scheduling.put("client_id", clientId);
        if (trainerId != null) {
            scheduling.put("trainer_id", trainerId);
        }
        scheduling.put("timezone", zone.getId());
        scheduling.putObject("horizon").put("from", monday.toString()).put("to", monday.plusDays(6).toString());
        scheduling.put("count", Math.max(1, Math.min(20, count)));
        scheduling.put("session_minutes", Math.max(15, Math.min(240, minutes)));

        ObjectNode output = FunctionInputs.objectNode();
        output.set("input", scheduling);
        output.put("has_trainer", trainerId != null);
        if (trainerId == null) {
            output.putNull("trainer_id");
        } else {
            output.put("trainer_id", trainerId);
        }
        output.put("trainer_from", trainerFrom);
        output.put("week_from", monday.toString());
        output.put("week_to", monday.plusDays(6).toString());
        output.put("count", scheduling.get("count").asInt());
        output.put("sessions_from", plan.map(saved -> "saved plan " + saved.id()).orElse("default"));
        return output;
    }

    private Optional<Long> latestSessionTrainer(long clientId, WorkflowContext context) {
        List<CrmSession> sessions = crm.sessions(clientId, context.now().minus(SESSIONS_BACK),
                context.now().plus(SESSIONS_AHEAD));
        // The latest session that has already begun, else the first one booked ahead.
        return sessions.stream().filter(session -> session.trainerId() > 0
                        && !session.start().toInstant().isAfter(context.now()))
                .max(Comparator.comparing(CrmSession::start))
                .or(() -> sessions.stream().filter(session -> session.trainerId() > 0)
                        .min(Comparator.comparing(CrmSession::start)))
                .map(CrmSession::trainerId);
    }

    private Optional<Long> assignedTrainer(long clientId) {
        return crm.trainers().stream().filter(trainer -> !Boolean.FALSE.equals(trainer.active()))
                .filter(trainer -> crm.assignedClientIds(trainer.id()).contains(clientId))
                .map(trainer -> trainer.id()).findFirst();
    }
}
