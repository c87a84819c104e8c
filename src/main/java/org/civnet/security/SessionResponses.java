package org.civnet.security;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.civnet.domain.Sensitivity;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * What the page's login and logout answer: JSON and problem details instead of redirects, so the
 * page stays one page. A successful login answers who logged in and the session's new CSRF token.
 */
@Component
class SessionResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    private final ObjectMapper json;

    SessionResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The page's view of its session: whether it is logged in, as whom, and the CSRF token its writes
     * must carry (the caller's own, so safe to show).
     */
    record PageSession(boolean authenticated, @Sensitivity(SAFE) String username, Role role,
                       @Sensitivity(SAFE) String csrfHeader, @Sensitivity(SAFE) String csrfToken) {
    }

    static PageSession describe(HttpServletRequest request, Authentication authentication) {
        Role role = Role.of(authentication);
        CsrfToken token = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t ? t : null;
        return new PageSession(role != null, role == null ? null : authentication.getName(), role,
                token == null ? null : token.getHeaderName(), token == null ? null : token.getToken());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), describe(request, authentication));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        ProblemResponses.write(response, 401, "Unauthorized", "wrong username or password");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(204);
    }
}
