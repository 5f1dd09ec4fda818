package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.TypedRun;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.internal.ExerciseTable;
import com.fitnesscrm.orchestrator.workouts.internal.SavedPlanTable;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Workout Optimizer for people and the REST facade: plans made by recorded runs of the agent, the exercise
 * catalogue as stored, and the plans saved to a client's history.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(Permissions.EXECUTE)
public class WorkoutService {

    public static final int MAX_PAGE = 200;

    private final RunService runs;
    private final ExerciseTable exercises;
    private final SavedPlanTable savedPlans;
    private final ObjectMapper objectMapper;
    private final CurrentRequester requester;
    private final Clock clock;
    private final CrmDirectory crm;

    WorkoutService(RunService runs, ExerciseTable exercises, SavedPlanTable savedPlans,
                   ObjectMapper objectMapper, CurrentRequester requester, Clock clock,
                   CrmDirectory crm) {
        this.crm = crm;
        this.runs = runs;
        this.exercises = exercises;
        this.savedPlans = savedPlans;
        this.objectMapper = objectMapper;
        this.requester = requester;
        this.clock = clock;
    }

    /**
     * Runs the Workout Optimizer on this input (the agent's field names or the main backend's), recorded as a run.
     *
     * @throws com.fitnesscrm.orchestrator.execution.RunRejectedException an invalid input, naming the field (422)
     * @throws com.fitnesscrm.orchestrator.execution.RunNotSucceeded the run did not succeed
     */
    // No transaction around the run: the runtime writes the run and its steps in its own short transactions, and a
    // run may wait on the LLM for minutes, which must not hold a database connection.
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public GeneratedPlan generate(JsonNode input) {
        return generate(input, null);
    }

    /**
     * Generates a plan once per {@code idempotencyKey} (may be null): a repeated request with the same key gets the
     * same run's plan instead of a second run.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public GeneratedPlan generate(JsonNode input, String idempotencyKey) {
        TypedRun<WorkoutPlan> run = runs.run(RunRequest.forTaskType(AgentType.WORKOUT_OPTIMIZATION.code(),
                input).withIdempotencyKey(idempotencyKey), WorkoutPlan.class);
        return new GeneratedPlan(run.id(), run.run().input(), run.output(), run.engine());
    }

    /** The original {@code results} object of a generated plan: {@code {"workout_optimization": [...], "plan"}}. */
    public JsonNode recommendations(GeneratedPlan plan) {
        return WorkoutOptimizerAgent.recommendations(objectMapper.valueToTree(plan.plan()));
    }

    public List<Exercise> exercises(ExerciseFilter filter, int offset, int limit) {
        return exercises.find(filter, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE));
    }

    public int countExercises(ExerciseFilter filter) {
        return exercises.count(filter);
    }

    /** The exercises the planner may swap in for this one: the rest of its substitution group, in catalogue order. */
    public List<Exercise> substitutes(Exercise exercise) {
        return ExerciseCatalogue.standard().all().stream()
                .filter(other -> other.substitutionGroup().equals(exercise.substitutionGroup())
                        && !other.id().equals(exercise.id()))
                .toList();
    }

    /** Saves a generated plan to its client's history under a name. */
    @Transactional
    public SavedPlan save(GeneratedPlan generated, String name) {
        String clientId = generated.plan().clientId();
        if (clientId == null || clientId.isBlank()) {
            throw new InvalidInputException("client_id", "A plan needs a client id to be saved to a history.");
        }
        String title = name == null || name.isBlank() ? generated.plan().goal() + " plan" : name.strip();
        if (title.length() > 200) {
            throw new InvalidInputException("name", "The name may be at most 200 characters.");
        }
        String user = requester.name();
        long id = savedPlans.insert(clientId, title, generated.input(), generated.plan(), generated.engine(),
                generated.executionId(), user, clock.instant());
        return savedPlan(id);
    }

    /** A client's saved plans, newest first. */
    public List<SavedPlan> savedPlans(String clientId) {
        return clientId == null || clientId.isBlank() ? List.of() : savedPlans.forClient(clientId.strip(), 100);
    }

    public SavedPlan savedPlan(long id) {
        return savedPlans.find(id).orElseThrow(() -> new NotFoundException("No saved plan with id " + id + "."));
    }

    /**
     * The goal and contraindications the CRM proposes for this client, for the planner to show until the trainer
     * confirms them; empty when the CRM has no such client (or there is no CRM).
     */
    // The CRM read has its own read-only transaction on its own connection; none of ours is needed around it.
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public java.util.Optional<ClientProposal> proposalFor(long clientId) {
        return crm.client(clientId).map(client -> new ClientProposal(client.id(), client.name(),
                client.goals() == null || client.goals().isBlank() ? null
                        : WorkoutInputReader.goalOfText(client.goals()).orElse(null),
                client.goals(), client.medicalConditions(), MedicalConditions.propose(client.medicalConditions())));
    }
}
