package com.fitnesscrm.orchestrator.base.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request, for what no controller sees:
 * <ul>
 *   <li>{@code TRACE} is answered 405 here, for every path, and never echoed (cross-site tracing). Tomcat's own
 *       refusal had no body at all.</li>
 *   <li>an error dispatch of an {@code /api/} request (an exception or {@code sendError} outside Spring MVC) is
 *       answered as problem+json with the status, instead of going to {@code /error} behind the UI's login (302).</li>
 * </ul>
 */
public class ProblemEdgeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProblemEdgeFilter.class);

    private final ProblemResponses problems;

    public ProblemEdgeFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String path && (path.equals("/api") || path.startsWith("/api/"))
                    && !response.isCommitted()) {
                apiError(request, response, path);
                return;
            }
        } else if ("TRACE".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "TRACE is not supported.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void apiError(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            String reference = UUID.randomUUID().toString();
            log.error("Unexpected error answering {} (reference {})", path, reference,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = ProblemDetail.forStatusAndDetail(status, "Something went wrong on our side; it has been "
                    + "logged with reference " + reference + ".");
            problem.setProperty("reference", reference);
        } else {
            problem = ProblemDetail.forStatusAndDetail(status, "The request was refused: " + status.getReasonPhrase()
                    + ".");
        }
        problem.setInstance(ProblemResponses.instance(path));
        response.reset();
        problems.write(request, response, problem);
    }
}
