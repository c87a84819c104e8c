package org.civnet.security;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import org.civnet.domain.Sensitivity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "users, tokens and audit")
class AccountController {

    record NewUser(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "must be 3-40 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @NotNull Role role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    record NewToken(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,60}", message = "must be 1-60 letters, digits, '.', '_' or '-'") String name,
            @Min(1) @Max(365) Integer expiresInDays) {
    }

    record CreatedUser(@Sensitivity(Sensitivity.Kind.SAFE) String username, Role role) {
    }

    /** The token is shown once, to the user who created it. */
    record CreatedToken(@Sensitivity(Sensitivity.Kind.SAFE) String name, @Sensitivity(Sensitivity.Kind.SAFE) String token,
                        long expiresInDays) {
    }

    /** Who is logged in; {@code contact}: the contact that is this person, which referrals start from. */
    record Me(@Sensitivity(SAFE) String username, Role role, boolean clearance, @Sensitivity(SAFE) String contact) {
    }

    private final UserAccounts accounts;
    private final AuditLog audit;
    private final CredentialAuthentication credentials;
    private final StoreSessions sessions;

    AccountController(UserAccounts accounts, AuditLog audit, CredentialAuthentication credentials, StoreSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.credentials = credentials;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who is logged in, with which role")
    Me me(Authentication authentication) {
        Role role = Role.of(authentication);
        return new Me(authentication.getName(), role, role != null && role.hasClearance(),
                accounts.contactOf(authentication.getName()).orElse(null));
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user with one role (ADMIN)")
    CreatedUser createUser(@Valid @RequestBody NewUser user) {
        accounts.createUser(user.username(), user.password(), user.role());
        audit.record(AuditLog.Action.USER_CREATED, user.username(), "role " + user.role());
        return new CreatedUser(user.username(), user.role());
    }

    @GetMapping("/api/users")
    @Operation(summary = "Every user with role and creation time, never a password hash (ADMIN)")
    List<UserAccounts.UserInfo> users() {
        return accounts.users();
    }

    @DeleteMapping("/api/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user and its tokens (ADMIN)")
    void deleteUser(@PathVariable String username, Authentication authentication) {
        if (username.equals(authentication.getName())) {
            throw new org.civnet.domain.ConflictException("you cannot delete your own account");
        }
        accounts.deleteUser(username);
        credentials.forget(username);
        sessions.endSessionsOf(username);
        audit.record(AuditLog.Action.USER_DELETED, username, null);
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token for yourself; it is shown only in this response")
    CreatedToken createToken(@Valid @RequestBody NewToken token, Authentication authentication) {
        int days = token.expiresInDays() == null ? 90 : token.expiresInDays();
        String secret = accounts.createToken(authentication.getName(), token.name(), days);
        audit.record(AuditLog.Action.TOKEN_CREATED, token.name(), "expires in " + days + " days");
        return new CreatedToken(token.name(), secret, days);
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "Your tokens (never their secrets)")
    List<UserAccounts.TokenInfo> tokens(Authentication authentication) {
        return accounts.tokens(authentication.getName());
    }

    @DeleteMapping("/api/tokens/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens")
    void revoke(@PathVariable String name, Authentication authentication) {
        accounts.revokeToken(authentication.getName(), name);
        audit.record(AuditLog.Action.TOKEN_REVOKED, name, null);
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit log, newest first (ADMIN); filters by user, action and time")
    List<AuditLog.Entry> audit(@RequestParam(required = false) String user,
                               @RequestParam(required = false) AuditLog.Action action,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return audit.find(user, action, from, to, page, size);
    }
}
