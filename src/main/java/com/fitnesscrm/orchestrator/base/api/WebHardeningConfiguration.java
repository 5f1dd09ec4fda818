package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The web stack's answers to hostile input, outside any feature (docs/decisions/0011-hostile-input.md): JSON read
 * within {@link com.fitnesscrm.orchestrator.base.JsonLimits} and written whole; JSON-only media types on
 * {@code /api/**}; and problem+json from the layers under Spring MVC — Spring Security's firewall, the error
 * dispatch, Tomcat's error report.
 */
@Configuration
class WebHardeningConfiguration {

    /** Replaces Boot's converter (it backs off when one of this type exists): same ObjectMapper, limits added. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new LimitedJsonHttpMessageConverter(objectMapper);
    }

    @Bean
    FilterRegistrationBean<ProblemEdgeFilter> problemEdgeFilter(ProblemResponses problems) {
        FilterRegistrationBean<ProblemEdgeFilter> registration = new FilterRegistrationBean<>(
                new ProblemEdgeFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** After the security filters (order -100): an unknown caller gets 401 before any 415 or 406. */
    @Bean
    FilterRegistrationBean<ApiMediaTypeFilter> apiMediaTypeFilter(ProblemResponses problems) {
        FilterRegistrationBean<ApiMediaTypeFilter> registration = new FilterRegistrationBean<>(
                new ApiMediaTypeFilter(problems));
        registration.addUrlPatterns("/api/*", "/api");
        registration.setOrder(0);
        return registration;
    }

    /** A URL or header Spring Security's firewall refuses (//, ;, %2e, control characters): 400 problem+json. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> {
            if (e.getMessage() != null && e.getMessage().contains("HTTP method")) {
                // The firewall admits the standard methods only; for any other this is what the method deserves.
                response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "The method '"
                        + request.getMethod().replaceAll("[^A-Za-z-]", "?").substring(0, Math.min(20,
                        request.getMethod().length())) + "' is not supported.");
                return;
            }
            problems.write(request, response, HttpStatus.BAD_REQUEST, "The request was refused: its path or a "
                    + "header holds characters or sequences that are not allowed (such as //, ;, an encoded '.', "
                    + "'%' or '\\', or a control character).");
        };
    }

    /**
     * Tomcat: our error report valve instead of its HTML page (Boot adds one when stack traces are off, so it is
     * taken out), and TRACE let through to {@link ProblemEdgeFilter}, which refuses it as problem+json rather than
     * Tomcat's empty 405.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }
}
