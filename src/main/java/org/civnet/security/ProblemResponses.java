package org.civnet.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 as RFC 9457 problem details, like every other error. */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // A 401 names a scheme, but never Basic: a browser would answer a Basic challenge with its own
        // dialog, then send the typed credentials with every request to this site, cross-site forms
        // included, past the page's CSRF protection. Programs send their credentials unasked.
        response.setHeader("WWW-Authenticate", "Bearer realm=\"civnet\"");
        write(response, 401, "Unauthorized", "log in (the page's form, HTTP Basic) or send an API token as "
                + "'Authorization: Bearer …'");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            write(response, 403, "Forbidden", "this request needs the session's CSRF token in the X-CSRF-TOKEN header "
                    + "(GET /api/session gives it); programs use HTTP Basic or an API token instead of a session");
            return;
        }
        write(response, 403, "Forbidden", "your role does not allow this request");
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
