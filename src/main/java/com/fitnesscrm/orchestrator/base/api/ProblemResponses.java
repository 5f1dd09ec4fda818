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
        write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** Writes {@code problem} whole, with its length: never half an answer. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        byte[] body = objectMapper.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request's path as a problem's {@code instance}; none when it is not a valid URI (a hostile path). */
    public static URI instance(String requestUri) {
        if (requestUri == null) {
            return null;
        }
        try {
            return URI.create(requestUri.length() > 2000 ? requestUri.substring(0, 2000) : requestUri);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
