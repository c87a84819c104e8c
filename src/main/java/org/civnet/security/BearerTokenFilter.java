package org.civnet.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. Every request looks the token up in the store
 * (one indexed read): a token revoked through any civnet on the same Neo4j is refused by all of them
 * at once, which a per-instance cache could not promise.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;
    private final ProblemResponses problems;
    private final AuditLog audit;

    BearerTokenFilter(UserAccounts accounts, ProblemResponses problems, AuditLog audit) {
        this.accounts = accounts;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccounts.Account> account = accounts.resolveToken(header.substring(7).strip());
        if (account.isEmpty()) {
            // A failed login like a wrong password (the token itself is never recorded).
            audit.recordFailedLogin(null, request.getRemoteAddr(), "unknown, expired or revoked API token");
            problems.commence(request, response, new BadCredentialsException("token"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                CredentialAuthentication.authenticated(account.get().username(), account.get().role()));
        chain.doFilter(request, response);
    }
}
