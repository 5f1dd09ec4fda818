package com.fitnesscrm.orchestrator.execution.api;

import com.fitnesscrm.orchestrator.execution.ExecutionStatus;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer of an agent endpoint (workouts, predictions) whose run was admitted but gave no result, so that a caller
 * can tell its cases apart: 504 when the run timed out, 409 with {@code Retry-After} when a repeated request (same
 * {@code Idempotency-Key}) finds the first run still going, 502 when it failed. The run is named, to be looked at.
 */
public final class RunProblems {

    private RunProblems() {
    }

    public static ResponseEntity<ProblemDetail> notSucceeded(String agent, long executionId, ExecutionStatus status,
                                                             String detail) {
        HttpStatus code = switch (status) {
            case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
            case QUEUED, RUNNING -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, code == HttpStatus.CONFLICT
                ? "The first request with this Idempotency-Key is still running; ask again shortly." : detail);
        problem.setTitle(code == HttpStatus.CONFLICT ? "Still running" : "The " + agent + " run " + status.code());
        problem.setProperty("execution_id", executionId);
        problem.setProperty("status", status.code());
        problem.setInstance(URI.create("/api/executions/" + executionId));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(code);
        if (code == HttpStatus.CONFLICT) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(problem);
    }
}
