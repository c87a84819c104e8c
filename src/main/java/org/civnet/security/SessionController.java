package org.civnet.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "users and tokens")
class SessionController {

    @GetMapping(SecurityConfig.SESSION_PATH)
    @Operation(summary = "The web page's session: whether it is logged in, as whom, and the CSRF token its writes "
            + "must send (log in with a form POST of username and password to this path; log out with POST "
            + "/api/session/logout)")
    SessionResponses.PageSession session(HttpServletRequest request, Authentication authentication) {
        return SessionResponses.describe(request, authentication);
    }
}
