package com.fitnesscrm.orchestrator.base.api;

import com.fitnesscrm.orchestrator.base.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Whatever under {@code /api/} no endpoint takes: 405 with {@code Allow} when the path exists for other methods, else
 * 404 — as problem+json. Without it such requests fell through to the Vaadin servlet (200 with the UI's HTML page)
 * or to an error page behind the UI's login (302). Every real endpoint's pattern is more specific than
 * {@code /api/**}, so they keep winning. Not an operation of the API, so not in its OpenAPI document.
 */
@Hidden
@RestController
class ApiFallbackController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Route> routes;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping")
                          ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<Void> unmatched(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.pattern().matches(path)) {
                allowed.addAll(route.methods());
            }
        }
        if (allowed.isEmpty()) {
            throw new NotFoundException("There is no endpoint " + request.getRequestURI() + "; the endpoints are "
                    + "listed at /v3/api-docs.");
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (request.getMethod().equals("OPTIONS")) {
            return ResponseEntity.ok().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
    }

    private List<Route> routes() {
        if (routes == null) {
            routes = mappings.getObject().getHandlerMethods().keySet().stream()
                    .filter(info -> info.getPathPatternsCondition() != null)
                    .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream()
                            .filter(pattern -> pattern.getPatternString().startsWith("/api/")
                                    && !pattern.getPatternString().equals("/api/**"))
                            .map(pattern -> new Route(pattern, methods(info))))
                    .toList();
        }
        return routes;
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        Set<String> names = new TreeSet<>();
        if (methods.isEmpty()) {
            names.addAll(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        }
        methods.forEach(method -> names.add(method.name()));
        return names;
    }

    private record Route(PathPattern pattern, Set<String> methods) {
    }
}
