package com.fitnesscrm.orchestrator.execution;

/**
 * A run was admitted and recorded but gave no result: it failed, timed out, was cancelled or rejected, or (a repeated
 * {@code Idempotency-Key}) the first run with that key is still queued or running. Thrown by
 * {@link RunService#run(RunRequest, Class)}; the execution feature's {@code api} answers it over REST in one
 * place (504 timed out, 409 still running, 502 otherwise), and views show {@link #reason()}.
 */
public class RunNotSucceeded extends RuntimeException {

    private final transient Run run;
    private final String agent;

    /**
     * @param agent the agent's kind as people call it ("Workout Optimizer"), for titles; not the admin-given name
     */
    public RunNotSucceeded(Run run, String agent) {
        super(reasonOf(run));
        this.run = run;
        this.agent = agent;
    }

    /** The run as recorded, to be looked at ({@code /api/executions/{id}}). */
    public Run run() {
        return run;
    }

    public long executionId() {
        return run.id();
    }

    public RunStatus status() {
        return run.status();
    }

    /** The run's own error, or what its status says when it has none. */
    public String reason() {
        return getMessage();
    }

    public String agent() {
        return agent;
    }

    private static String reasonOf(Run run) {
        return run.error() == null ? "The run ended " + run.status().code() + "." : run.error();
    }
}
