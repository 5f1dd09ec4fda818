package com.fitnesscrm.orchestrator.execution.api;

import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.execution.RunNotSucceeded;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The answer of every agent endpoint (workouts, predictions, the agents to come) whose run was admitted but gave no
 * result ({@link RunNotSucceeded}), so that a caller can tell its cases apart: 504 when the run timed out, 409 with
 * {@code Retry-After} when a repeated request (same {@code Idempotency-Key}) finds the first run still going, 502 when
 * it failed. The run is named, to be looked at. This is the one place a run's outcome becomes HTTP; refusals before a
 * run gives a result (invalid input 422, disabled 409, not installed 503) stay with {@code base.api}.
 */
// Before ApiExceptionHandler: its catch-all for Exception would otherwise answer 500 (advices are asked in order).
@RestControllerAdvice(basePackages = "com.fitnesscrm.orchestrator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RunProblems {

    @ExceptionHandler(RunNotSucceeded.class)
    ResponseEntity<ProblemDetail> answer(RunNotSucceeded e) {
        return notSucceeded(e.agent(), e.executionId(), e.status(), e.reason());
    }

    static ResponseEntity<ProblemDetail> notSucceeded(String agent, long executionId, RunStatus status,
                                                      String detail) {
        HttpStatus code = switch (status) {
            case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
            case QUEUED, RUNNING, WAITING -> HttpStatus.CONFLICT;
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
