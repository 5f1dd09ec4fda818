package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.UnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST facade as {@code application/problem+json} naming the field or the reason: malformed JSON
 * 400, an unknown agent 404, a clash 409, a body over 1 MB 413, invalid input 422, an engine this version lacks 503.
 * A fault of ours is 500 with a reference to the log line, never a stack trace.
 */
@RestControllerAdvice(basePackages = "com.fitnesscrm.orchestrator")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern REJECTED_HEADER = Pattern.compile("header(?: name)?: \"([^\"]+)\"");

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage(), request);
        if (e.field() != null && !e.field().isEmpty()) {
            problem.setProperty("field", e.field());
        }
        e.details().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), request);
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return respond(problem);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Object> unavailable(UnavailableException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", e.getMessage(), request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad request", "'" + e.getName() + "' must be "
                + expected(e.getRequiredType()) + "; it was '" + e.getValue() + "'.", request);
        problem.setProperty("field", e.getName());
        return respond(problem);
    }

    /** What a parameter must be, in the caller's words ("a whole number", never "a integer" or "a long"). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "valid";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a date-time such as 2026-12-01T09:00:00Z";
        }
        return "valid";
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad request", "The header '" + e.getHeaderName()
                + "' is required.", request);
        problem.setProperty("field", e.getHeaderName());
        return respond(problem);
    }

    /** A header value the security firewall refuses when a controller reads it (control or non-Latin characters). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        Matcher header = REJECTED_HEADER.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (header.find()) {
            String name = header.group(1).strip();
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad request", "The header '" + name + "' holds "
                    + "characters that are not allowed (control or non-ASCII characters).", request);
            problem.setProperty("field", name);
            return respond(problem);
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "Bad request", "The request holds characters or sequences "
                + "that are not allowed.", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error answering {} {} (reference {})", request.getMethod(), request.getRequestURI(),
                reference, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong "
                + "on our side; it has been logged with reference " + reference + ".", request);
        problem.setProperty("reference", reference);
        return respond(problem);
    }

    /** Malformed JSON names where it broke, in the caller's words; a wrong type names the field; too large is 413. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        HttpServletRequest servletRequest = (HttpServletRequest) request.resolveReference(WebRequest.REFERENCE_REQUEST);
        if (causedBy(e, PayloadTooLargeException.class)) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is larger than 1 MB.", servletRequest));
        }
        ProblemDetail problem;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(JsonErrors.MALFORMED) || message.startsWith("The request body is empty")) {
            // Already said in the caller's words by LimitedJsonHttpMessageConverter.
            problem = problem(HttpStatus.BAD_REQUEST, message.startsWith(JsonErrors.MALFORMED) ? "Malformed JSON"
                    : "Bad request", message, servletRequest);
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = problem(HttpStatus.BAD_REQUEST, "Bad request", "'" + field + "' has the wrong type: "
                    + JsonErrors.reason(mapping.getOriginalMessage()), servletRequest);
            problem.setProperty("field", field);
        } else if (e.getCause() instanceof JsonProcessingException json) {
            problem = problem(HttpStatus.BAD_REQUEST, "Malformed JSON", JsonErrors.describe(json), servletRequest);
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "Bad request", "The request body is missing or unreadable.",
                    servletRequest);
        }
        return respond(problem);
    }

    /** An answer we could not serialise: our fault, logged; nothing was sent yet (the converter buffers). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(
            org.springframework.http.converter.HttpMessageNotWritableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return unexpected(e, (HttpServletRequest) request.resolveReference(WebRequest.REFERENCE_REQUEST));
    }

    /** Spring's own MVC errors (405, 415, 406 …) keep their status, as problem+json with an instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getInstance() == null) {
            HttpServletRequest servletRequest = (HttpServletRequest) request.resolveReference(
                    WebRequest.REFERENCE_REQUEST);
            if (servletRequest != null) {
                problem.setInstance(ProblemResponses.instance(servletRequest.getRequestURI()));
            }
        }
        return response;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (request != null) {
            problem.setInstance(ProblemResponses.instance(request.getRequestURI()));
        }
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

}
