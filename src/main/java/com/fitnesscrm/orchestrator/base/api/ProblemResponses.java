package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes RFC 9457 {@code application/problem+json} answers from places outside Spring MVC, such as the security
 * filters in front of {@code /api/**}, so that a caller gets the same kind of error body everywhere.
 */
public final class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** 401 with a {@code WWW-Authenticate} challenge naming the schemes the API accepts. */
    public AuthenticationEntryPoint unauthorized(String challenge, String detail) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(request, response, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    /** 403 for an authenticated caller without the right role or scope. */
    public AccessDeniedHandler forbidden(String detail) {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) ->
                write(request, response, HttpStatus.FORBIDDEN, detail);
    }
}
