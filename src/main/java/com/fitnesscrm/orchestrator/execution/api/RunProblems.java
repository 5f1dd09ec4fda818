package com.fitnesscrm.orchestrator.execution.api;

import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.execution.ExecutionStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
        // RFC 9457's own members keep their meaning: "status" is the HTTP status and "instance" this request; the
        // run's status and address have names of their own.
        problem.setProperty("run_status", status.code());
        problem.setProperty("run", "/api/executions/" + executionId);
        problem.setInstance(ProblemResponses.instance(currentPath()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(code);
        if (code == HttpStatus.CONFLICT) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(problem);
    }

    private static String currentPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI() : "/api";
    }
}
