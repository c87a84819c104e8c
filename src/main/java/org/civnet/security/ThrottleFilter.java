package org.civnet.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses logins (429), Basic or the page's form, for a username or address that failed too often of late. */
class ThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    ThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = loginName(request);
        if (username != null) {
            long wait = throttle.retryAfterSeconds(username, request.getRemoteAddr());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                ProblemResponses.write(response, 429, "Too many failed logins", "try again in " + wait + " seconds");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user a request tries to log in as: HTTP Basic, or the page's login form; null for neither. */
    private static String loginName(HttpServletRequest request) {
        // Read exactly as Spring's BasicAuthenticationConverter and UsernamePasswordAuthenticationFilter
        // read them ("Basic" then any one character; a trimmed username), or a variant would skip the check.
        String header = request.getHeader("Authorization");
        if (header != null && header.strip().regionMatches(true, 0, "Basic", 0, 5)) {
            String value = header.strip();
            return basicUsername(value.length() > 6 ? value.substring(6).strip() : "");
        }
        if ("POST".equals(request.getMethod()) && SecurityConfig.SESSION_PATH.equals(request.getServletPath())) {
            String username = request.getParameter("username");
            return username == null ? "" : username.trim();
        }
        return null;
    }

    private static String basicUsername(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
