package org.smartketing.team.tokens;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes {@code Authorization: Bearer smk_...}: a valid token signs the request in as its owner;
 * an unknown or revoked one is answered 401 at once. Requests without a bearer token pass on.
 * Each request is counted against its token's rate limit, or, without a valid token, against its
 * address's ({@link ApiRateLimit}); once spent the answer is 429.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final ApiRateLimit rateLimit;
    private final boolean limitWithoutToken;

    /**
     * @param limitWithoutToken whether requests without a bearer token count against their address
     *                          (not for health checks, which a load balancer makes from one address)
     */
    public ApiTokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, ApiRateLimit rateLimit,
            boolean limitWithoutToken) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.rateLimit = rateLimit;
        this.limitWithoutToken = limitWithoutToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (!limitWithoutToken || rateLimit.tryTakeForAddress(request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        var bearer = tokens.authenticateBearer(header.substring(BEARER.length()).strip());
        if (bearer.isEmpty()) {
            SecurityContextHolder.clearContext();
            if (rateLimit.tryTakeForAddress(request, response)) {
                entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API token."));
            }
            return;
        }
        if (!rateLimit.tryTakeForToken(bearer.get().tokenId(), response)) {
            return;
        }
        var person = bearer.get().person();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null,
                person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
