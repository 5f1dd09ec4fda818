package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.base.api.ProblemResponses;
import com.fitnesscrm.orchestrator.security.ApiKeyAuthentication;
import com.fitnesscrm.orchestrator.security.RateLimit;
import com.fitnesscrm.orchestrator.security.RateLimitDecision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 {@code application/problem+json} with {@code Retry-After} and the {@code RateLimit-*} headers once a
 * caller has used its budget; every limited answer carries the headers. Two places use it, each first in its chain
 * so that nothing behind it (hashing, CSRF, BCrypt, the run itself) is spent on a refused request:
 * <ul>
 *   <li>{@code /api/**}: a valid API key is counted per key (its own limit or the default); a request without a
 *       valid key per client address, so guessing keys is limited too;</li>
 *   <li>{@code POST /login}: per client address, before the password check and its throttle.</li>
 * </ul>
 * The client address is Tomcat's, which honours {@code X-Forwarded-For} only from trusted proxies (see
 * docs/decisions/0002). IPv6 clients are counted per /64, the block one subscriber usually holds.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private interface Subject {
        /** The bucket name and the limit that applies to this request, or empty when it is not limited here. */
        Optional<Budget> of(HttpServletRequest request);
    }

    private record Budget(String subject, RateLimit limit, String refusal) {
    }

    private final RateLimitBuckets buckets;
    private final ProblemResponses problems;
    private final Subject subject;

    private RateLimitFilter(RateLimitBuckets buckets, ProblemResponses problems, Subject subject) {
        this.buckets = buckets;
        this.problems = problems;
        this.subject = subject;
    }

    /** For the {@code /api/**} chain: per key, or per address without a valid key. */
    public static RateLimitFilter forApi(RateLimitBuckets buckets, ApiKeyAuthenticator keys,
                                         ProblemResponses problems) {
        RateLimitProperties limits = buckets.properties();
        return new RateLimitFilter(buckets, problems, request -> {
            Optional<ApiKeyAuthentication> caller = ApiKeyAuthenticationFilter.presentedKey(request)
                    .flatMap(keys::authenticate);
            if (caller.isPresent()) {
                RateLimit limit = caller.get().rateLimit().orElse(caller.get().fromEnvironment()
                        ? limits.environmentKey() : limits.apiKey());
                return Optional.of(new Budget("key:" + caller.get().keyId(), limit,
                        "This API key has used its rate limit (" + limit + ")."));
            }
            return Optional.of(new Budget("anonymous:" + client(request), limits.anonymous(),
                    "Too many requests without a valid API key from your address (" + limits.anonymous() + ")."));
        });
    }

    /** For the UI chain: the login form's POST, per address. */
    public static RateLimitFilter forLogin(RateLimitBuckets buckets, ProblemResponses problems, String loginPath) {
        RequestMatcher loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
        RateLimit limit = buckets.properties().login();
        return new RateLimitFilter(buckets, problems, request -> loginPost.matches(request)
                ? Optional.of(new Budget("login:" + client(request), limit,
                        "Too many login attempts from your address (" + limit + ")."))
                : Optional.empty());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Budget> budget = buckets.enabled() ? subject.of(request) : Optional.empty();
        if (budget.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitDecision decision = buckets.consume(budget.get().subject(), budget.get().limit());
        decision.writeHeaders(response);
        if (!decision.allowed()) {
            log.debug("Refused {} {} for {}: rate limit", request.getMethod(), request.getRequestURI(),
                    budget.get().subject());
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, budget.get().refusal()
                    + " Try again in " + decision.retryAfterSeconds() + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The client's address; for IPv6 its /64 network. */
    static String client(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // A literal address: parsed, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
