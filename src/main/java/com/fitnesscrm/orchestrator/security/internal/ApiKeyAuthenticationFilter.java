package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.security.ApiKeyAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} callers by API key, sent as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. No key leaves the request anonymous (the chain then answers 401 where a key is needed);
 * a wrong or revoked key is answered 401 at once.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeyAuthenticator authenticator;
    private final SecurityContextHolderStrategy securityContext;
    private final ProblemResponses problems;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, SecurityContextHolderStrategy securityContext,
                                      ProblemResponses problems) {
        this.authenticator = authenticator;
        this.securityContext = securityContext;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyAuthentication> caller = authenticator.authenticate(presented.get());
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "The API key is not valid or has been "
                    + "revoked.");
            return;
        }
        SecurityContext context = securityContext.createEmptyContext();
        context.setAuthentication(caller.get());
        securityContext.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            securityContext.clearContext();
        }
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = header.substring(7).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }
        String key = request.getHeader(HEADER);
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip());
    }
}
