package org.civnet.security;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Basic header that cannot even be decoded ({@code Authorization: Basic !!!}) is a failed login
 * like a wrong password: audited and counted against the address. Spring's Basic filter refuses it
 * before any password check, so {@link CredentialAuthentication} never sees it; this filter runs
 * just before and lets that filter answer the 401.
 */
class UnreadableCredentialsAudit extends OncePerRequestFilter {

    private final AuditLog audit;
    private final LoginThrottle throttle;

    UnreadableCredentialsAudit(AuditLog audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic", 0, 5)
                && (header.length() == 5 || header.charAt(5) == ' ') && !readable(header.substring(5).strip())) {
            throttle.recordFailure("", request.getRemoteAddr());
            audit.recordFailedLogin(null, request.getRemoteAddr(), "unreadable Basic credentials");
        }
        chain.doFilter(request, response);
    }

    /** What Spring's BasicAuthenticationConverter accepts: Base64 of UTF-8 "user:password". */
    static boolean readable(String encoded) {
        if (encoded.isEmpty()) {
            return false;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            String decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return decoded.indexOf(':') >= 0;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }
}
