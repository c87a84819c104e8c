package org.civnet.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the authenticated user's name on the request, for the request log: the log is written
 * after the security filters have cleared their context, so it cannot ask them.
 */
public final class RequestUser extends OncePerRequestFilter {

    /** The request attribute holding the user name; absent for anonymous requests. */
    public static final String ATTRIBUTE = RequestUser.class.getName() + ".user";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            request.setAttribute(ATTRIBUTE, authentication.getName());
        }
        chain.doFilter(request, response);
    }
}
