package com.fitnesscrm.orchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.base.api.RequestSizeLimitFilter;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticationFilter;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticator;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import com.fitnesscrm.orchestrator.security.internal.RevokedSessionFilter;
import com.fitnesscrm.orchestrator.security.internal.ThrottledAuthenticationProvider;
import com.fitnesscrm.orchestrator.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Three filter chains, most specific first:
 * <ol>
 *   <li>Actuator: the liveness and readiness probes are open (load balancers and Railway call them); everything
 *       else, Prometheus included, needs an admin over HTTP Basic.</li>
 *   <li>{@code /api/**}: stateless, never a session or a login redirect; API keys (never a person's password) with
 *       scopes; bodies over 1 MB refused; 401 and 403 as problem+json. {@code GET /api/health} is open for
 *       monitors.</li>
 *   <li>The OpenAPI document and Swagger UI: open, they describe the API and hold no data.</li>
 *   <li>The Vaadin UI: form login at {@code /login}; every view declares who may open it; a session ends when an
 *       admin disables its account, changes its role or resets its password.</li>
 * </ol>
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    private static final String BASIC_CHALLENGE = "Basic realm=\"FitnessCRM AI Orchestrator\"";

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
     * The password check for people, throttled, handed to each chain that takes passwords rather than left to the
     * global default, which would silently change once another provider bean (API keys) exists.
     */
    @Bean
    AuthenticationManager passwordAuthentication(ThrottledAuthenticationProvider passwords) {
        return new ProviderManager(passwords);
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ProblemResponses problems,
                                         AuthenticationManager passwordAuthentication) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authenticationManager(passwordAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
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
                                    SecurityContextHolderStrategy securityContext) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new RequestSizeLimitFilter(problems), AuthorizationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, securityContext, problems),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/health").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/execute").hasAuthority(ApiKeyScope.EXECUTE.authority())
                        .requestMatchers(HttpMethod.POST, "/api/executions/*/cancel", "/api/executions/*/rerun")
                        .hasAuthority(ApiKeyScope.EXECUTE.authority())
                        // The main backend's agent endpoints (workouts, predictions, schedules) run an agent.
                        .requestMatchers(HttpMethod.POST, "/api/ai/**", "/api/workouts/**")
                        .hasAuthority(ApiKeyScope.EXECUTE.authority())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiKeyScope.READ.authority())
                        .requestMatchers("/api/agents", "/api/agents/**").hasAuthority(ApiKeyScope.ADMIN.authority())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized("Bearer", "Authentication is required."))
                        .accessDeniedHandler(problems.forbidden("You may not do this.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless callers send credentials with every request; no cookie means no CSRF to defend.
                .csrf(AbstractHttpConfigurer::disable)
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
                                   AuthenticationManager passwordAuthentication) throws Exception {
        return http.authenticationManager(passwordAuthentication)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .addFilterBefore(new RevokedSessionFilter(users, securityContext), AuthorizationFilter.class)
                .build();
    }
}
