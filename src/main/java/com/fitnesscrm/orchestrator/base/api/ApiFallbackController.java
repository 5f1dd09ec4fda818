package com.fitnesscrm.orchestrator.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api/**} path no controller maps answers 404 as problem+json. Without it the request would fall
 * through to Vaadin's servlet and come back as an HTML page that API clients cannot read.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    ProblemDetail notFound(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No API endpoint at " + request.getMethod() + " " + request.getRequestURI() + ".");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return problem;
    }
}
