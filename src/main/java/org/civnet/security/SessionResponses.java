package org.civnet.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /** The page's view of its session: who is logged in, and the token its writes must carry. */
    static Map<String, Object> describe(HttpServletRequest request, Authentication authentication) {
        Map<String, Object> body = new LinkedHashMap<>();
        Role role = Role.of(authentication);
        body.put("authenticated", role != null);
        if (role != null) {
            body.put("username", authentication.getName());
            body.put("role", role.name());
        }
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            body.put("csrfHeader", token.getHeaderName());
            body.put("csrfToken", token.getToken());
        }
        return body;
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
