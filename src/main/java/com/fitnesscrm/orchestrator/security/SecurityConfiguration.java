package com.fitnesscrm.orchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.base.api.RequestSizeLimitFilter;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticationFilter;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticator;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import com.fitnesscrm.orchestrator.security.internal.RateLimitBuckets;
import com.fitnesscrm.orchestrator.security.internal.RateLimitFilter;
import com.fitnesscrm.orchestrator.security.internal.RevokedSessionFilter;
import com.fitnesscrm.orchestrator.security.internal.ThrottledAuthenticationProvider;
import com.fitnesscrm.orchestrator.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains, most specific first:
 * <ol>
 *   <li>Actuator: the liveness and readiness probes are open (load balancers and Railway call them); everything
 *       else, Prometheus included, needs an admin over HTTP Basic.</li>
 *   <li>{@code /api/**}: stateless, never a session or a login redirect; API keys (never a person's password) with
 *       scopes; bodies over 1 MB refused; 401 and 403 as problem+json. {@code GET /api/health} is open for
 *       monitors.</li>
 *   <li>The OpenAPI document and Swagger UI: open, they describe the API and hold no data.</li>
 *   <li>The Vaadin UI: form login at {@code /login}, which needs the login page's CSRF token; every view declares
 *       who may open it; a session ends when an admin disables its account, changes its role or resets its
 *       password.</li>
 * </ol>
 * The login form and HTTP Basic each throttle wrong passwords on their own count; {@code /api/**} and the login
 * form's POST are rate-limited first thing in their chains (docs/decisions/0012).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    private static final String BASIC_CHALLENGE = "Basic realm=\"FitnessCRM AI Orchestrator\"";
    private static final String LOGIN_PATH = "/login";

    /**
     * What the Vaadin client needs, and nothing from elsewhere. Flow's bootstrap page and its bundle use inline
     * scripts, {@code eval}-style code and inline styles, so {@code 'unsafe-inline'} and {@code 'unsafe-eval'} stay
     * (proven in Chromium by LoginLogoutBT); server push runs over a WebSocket to this host, which {@code 'self'}
     * covers (CSP level 3); server-drawn SVG charts and icons may be data URIs.
     */
    static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    /** JSON answers are never rendered as a page; if a browser tries, nothing may load or frame them. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt today, stored with an {id} prefix so a stronger algorithm can be added without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation per security filter: they wrapped each of the dozen filters of every request and cost more CPU
     * than a whole run of a rules-only agent. Request metrics ({@code http.server.requests}) are unaffected.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    /**
     * The login form's password check, throttled on its own count. Also the only provider bean, so the global
     * authentication manager (used by tests and nothing else) is the same throttled check.
     */
    @Bean
    ThrottledAuthenticationProvider loginFormPasswords(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                       Clock clock) {
        return new ThrottledAuthenticationProvider("login form", users, passwordEncoder, clock);
    }

    /**
     * Actuator's HTTP Basic check, with a count apart from the login form's: pausing {@code admin} at the login form
     * must not stop Prometheus scraping as {@code admin}, nor the other way round. Handed to its chain rather than
     * left to the global default, which would silently change once another provider bean exists.
     */
    private static AuthenticationManager actuatorPasswordAuthentication(UserDetailsService users,
                                                                        PasswordEncoder passwordEncoder,
                                                                        Clock clock) {
        return new ProviderManager(new ThrottledAuthenticationProvider("actuator basic", users, passwordEncoder,
                clock));
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems, UserDetailsService users,
                                         PasswordEncoder passwordEncoder, Clock clock, ApiKeyAuthenticator keys,
                                         SecurityContextHolderStrategy securityContext) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(actuatorPasswordAuthentication(users, passwordEncoder, clock))
                // A Prometheus scraper may present an API key with the read scope instead of an admin's password.
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, securityContext, problems),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus"))
                        .hasAnyAuthority("ROLE_" + Roles.ADMIN, ApiKeyScope.READ.authority())
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        problems.unauthorized(BASIC_CHALLENGE, "Log in as an admin with HTTP Basic.")))
                .exceptionHandling(e -> e.accessDeniedHandler(problems.forbidden("Only admins may read this.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, ApiKeyAuthenticator keys,
                                    SecurityContextHolderStrategy securityContext, RateLimitBuckets rateLimits)
            throws Exception {
        return http.securityMatcher("/api/**")
                // In this order: rate limit (per key, or per address without a valid key), body size, key.
                .addFilterBefore(RateLimitFilter.forApi(rateLimits, keys, problems), AuthorizationFilter.class)
                .addFilterBefore(new RequestSizeLimitFilter(problems), AuthorizationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, securityContext, problems),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/health").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/execute").hasAuthority(ApiKeyScope.EXECUTE.authority())
                        .requestMatchers(HttpMethod.POST, "/api/executions/*/cancel", "/api/executions/*/rerun",
                                "/api/executions/*/replay", "/api/executions/*/approve", "/api/executions/*/reject",
                                "/api/executions/*/resume")
                        .hasAuthority(ApiKeyScope.EXECUTE.authority())
                        // The main backend's agent endpoints (workouts, predictions, schedules) run an agent.
                        .requestMatchers(HttpMethod.POST, "/api/ai/**", "/api/workouts/**")
                        .hasAuthority(ApiKeyScope.EXECUTE.authority())
                        // The main backend's exception handler reports an error; the Code Analyzer runs on it.
                        .requestMatchers(HttpMethod.POST, "/api/errors").hasAuthority(ApiKeyScope.EXECUTE.authority())
                        // A vote on a run's result (the main backend's users).
                        .requestMatchers(HttpMethod.POST, "/api/feedback").hasAuthority(ApiKeyScope.EXECUTE.authority())
                        // Reviewing a suggestion and undoing a remediation are an admin's decisions.
                        .requestMatchers(HttpMethod.PUT, "/api/suggestions/*")
                        .hasAuthority(ApiKeyScope.ADMIN.authority())
                        .requestMatchers(HttpMethod.POST, "/api/health/remediations/*/undo")
                        .hasAuthority(ApiKeyScope.ADMIN.authority())
                        // Schedules run agents unattended: an admin's to read and change.
                        .requestMatchers("/api/schedules", "/api/schedules/**")
                        .hasAuthority(ApiKeyScope.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiKeyScope.READ.authority())
                        .requestMatchers("/api/agents", "/api/agents/**").hasAuthority(ApiKeyScope.ADMIN.authority())
                        .requestMatchers("/api/workflows", "/api/workflows/**")
                        .hasAuthority(ApiKeyScope.ADMIN.authority())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized("Bearer", "Authentication is required."))
                        .accessDeniedHandler(problems.forbidden("You may not do this.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless callers send credentials with every request; no cookie means no CSRF to defend.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain uiSecurity(HttpSecurity http, AppUserRepository users,
                                   SecurityContextHolderStrategy securityContext,
                                   ThrottledAuthenticationProvider loginFormPasswords, RequestUtil vaadinRequests,
                                   RateLimitBuckets rateLimits, ProblemResponses problems) throws Exception {
        return http.authenticationManager(new ProviderManager(loginFormPasswords))
                // Vaadin's defaults exempt the login form's POST from CSRF, so a page elsewhere could log a browser
                // in to an account of the attacker's choosing. Keep only the exemption for Vaadin's own requests,
                // which carry Vaadin's own CSRF token; the login form sends Spring's token from the page's
                // <meta name="_csrf"> (vaadin-login-form reads it there).
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                        // On the filter itself: Vaadin's configurer sets the chain's access-denied handler later.
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setAccessDeniedHandler(refuseForgedLogins());
                                return filter;
                            }
                        }))
                .addFilterBefore(RateLimitFilter.forLogin(rateLimits, problems, LOGIN_PATH), CsrfFilter.class)
                .addFilterBefore(new RevokedSessionFilter(users, securityContext), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(UI_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .build();
    }

    /**
     * A login POST without the page's CSRF token goes back to the login page, unauthenticated, with a word about
     * why: usually a login page left open past the session's 30 minutes, otherwise a forged form. Any other refusal
     * is the usual 403.
     */
    private static AccessDeniedHandler refuseForgedLogins() {
        RequestMatcher loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PATH);
        LinkedHashMap<Class<? extends org.springframework.security.access.AccessDeniedException>, AccessDeniedHandler>
                byType = new LinkedHashMap<>();
        byType.put(CsrfException.class, (request, response, e) ->
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?expired"));
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> byRequest = new LinkedHashMap<>();
        byRequest.put(loginPost, new DelegatingAccessDeniedHandler(byType, new AccessDeniedHandlerImpl()));
        return new RequestMatcherDelegatingAccessDeniedHandler(byRequest, new AccessDeniedHandlerImpl());
    }
}
