package com.fitnesscrm.orchestrator.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST facade speaks JSON only, and says so before it acts: a body that is not {@code application/json} (or
 * {@code application/*+json}) in UTF-8 is refused with 415, and a caller whose {@code Accept} admits no JSON with
 * 406 — before a controller runs, so no agent is created and no run recorded only to fail at the answer. Runs after
 * the security chain, so an unknown caller still gets 401 first.
 */
public class ApiMediaTypeFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ProblemResponses problems;

    public ApiMediaTypeFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = contentTypeRefusal(request);
        if (refusal != null) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal);
            return;
        }
        if (!acceptsJson(request.getHeader("Accept"))) {
            problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "This API answers in JSON only "
                    + "(application/json, errors as application/problem+json); the Accept header does not admit "
                    + "application/json.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String contentTypeRefusal(HttpServletRequest request) {
        if (!WITH_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return null;
        }
        String header = request.getHeader("Content-Type");
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (header == null || header.isBlank()) {
            return hasBody ? "The body has no Content-Type; send it as application/json." : null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type is not a media type; send the body as application/json.";
        }
        boolean json = type.getType().equals("application") && (type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+json"));
        if (!json || type.isWildcardType() || type.isWildcardSubtype()) {
            return "Bodies must be application/json; " + shown(header) + " is not accepted.";
        }
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            return "JSON bodies are UTF-8; charset " + shown(type.getParameter("charset")) + " is not accepted.";
        }
        return null;
    }

    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType type : types) {
            // application/json, application/*, */*: answers are JSON (errors problem+json, which such a caller reads).
            if (type.getQualityValue() > 0 && type.includes(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }

    private static String shown(String value) {
        String text = value == null ? "" : value.strip();
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }
}
