package com.fitnesscrm.orchestrator.security.api;

import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.security.RateLimitExceededException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A named limit a controller checked ({@code RateLimits.check}) answers 429 like the filter does: problem+json with
 * {@code Retry-After} and the {@code RateLimit-*} headers of that limit. Ahead of the general handler, whose
 * catch-all would otherwise make it a 500.
 */
@RestControllerAdvice(basePackages = "com.fitnesscrm.orchestrator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitExceptionHandler {

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(RateLimitExceededException e, HttpServletRequest request,
                                                  HttpServletResponse response) {
        e.decision().writeHeaders(response);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        problem.setInstance(ProblemResponses.instance(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
