package com.fitnesscrm.orchestrator.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in UI session as soon as its account was disabled, deleted, given another role or a new password
 * since the login: the request goes on as anonymous, so pages redirect to the login and Vaadin reports the session
 * as expired. It compares the security stamp the login read ({@link AppUserDetails}) with the database's, so it
 * works the same whichever node the session lives on. The bundle's static files under {@code /VAADIN/} are not
 * checked.
 * <p>
 * Not a bean on purpose: Spring Boot would also register a bean filter for every request outside the chain.
 */
public class RevokedSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessionFilter.class);

    private final AppUserRepository users;
    private final SecurityContextHolderStrategy securityContext;

    public RevokedSessionFilter(AppUserRepository users, SecurityContextHolderStrategy securityContext) {
        this.users = users;
        this.securityContext = securityContext;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = securityContext.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !request.getRequestURI().startsWith(request.getContextPath() + "/VAADIN/")) {
            Optional<SessionCheck> check = users.findSessionCheck(authentication.getName());
            boolean revoked = check.isEmpty() || !check.get().enabled()
                    || (authentication.getPrincipal() instanceof AppUserDetails user
                        && user.securityStamp() != check.get().securityStamp());
            if (revoked) {
                log.info("Ending the session of '{}': the account changed since the login", authentication.getName());
                session.invalidate();
                securityContext.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
