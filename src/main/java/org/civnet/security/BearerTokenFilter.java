package org.civnet.security;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A resolved token is remembered for 30 s
 * (revocation on this instance forgets it at once; elsewhere within 30 s), so programs polling
 * the API do not cost a database round trip per request.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final long REMEMBER_MILLIS = 30_000;

    private record Remembered(UserAccounts.Account account, long until) {
    }

    private final UserAccounts accounts;
    private final ProblemResponses problems;
    private final AuditLog audit;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

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
        String token = header.substring(7).strip();
        String key = UserAccounts.hash(token);
        Remembered hit = remembered.get(key);
        Optional<UserAccounts.Account> account;
        if (hit != null && hit.until() > System.currentTimeMillis()) {
            account = Optional.of(hit.account());
        } else {
            account = accounts.resolveToken(token);
            account.ifPresent(a -> {
                if (remembered.size() > 10_000) {
                    remembered.clear();
                }
                remembered.put(key, new Remembered(a, System.currentTimeMillis() + REMEMBER_MILLIS));
            });
        }
        if (account.isEmpty()) {
            // A failed login like a wrong password (the token itself is never recorded).
            audit.recordAs("anonymous", AuditLog.Action.LOGIN_FAILURE, request.getRemoteAddr(), "unknown, expired or revoked API token");
            problems.commence(request, response, new org.springframework.security.authentication.BadCredentialsException("token"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                CredentialAuthentication.authenticated(account.get().username(), account.get().role()));
        chain.doFilter(request, response);
    }

    void forget(String tokenHash) {
        remembered.remove(tokenHash);
    }

    void forgetUser(String username) {
        remembered.values().removeIf(r -> r.account().username().equals(username));
    }
}
