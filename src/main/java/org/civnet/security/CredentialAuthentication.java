package org.civnet.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the stored BCrypt hashes. A successful check is
 * remembered for a minute under a SHA-256 of the credentials, so that a client sending Basic on
 * every request does not pay a BCrypt per request; a remembered login still reads the account (one
 * indexed read), so a user deleted, re-roled or given a new password through any civnet on the same
 * store is refused or re-checked at once. A failed login is throttled and audited.
 */
@Component
public class CredentialAuthentication implements AuthenticationProvider {

    private static final long REMEMBER_MILLIS = Duration.ofMinutes(1).toMillis();

    private record Remembered(String username, String passwordHash, long until) {
    }

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final String dummyHash;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public CredentialAuthentication(UserAccounts accounts, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        // Compared against for unknown users, at the same cost as a real hash, so timing does not tell who exists.
        this.dummyHash = passwords.encode(UserAccounts.randomPassword());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = UserAccounts.hash(username + "\u0000" + password);
        Remembered hit = remembered.get(key);
        Optional<UserAccounts.Account> account = accounts.find(username);
        if (hit != null && hit.until() > System.currentTimeMillis() && account.isPresent()
                && account.get().passwordHash().equals(hit.passwordHash())) {
            return authenticated(username, account.get().role());
        }
        // Compare against a dummy hash for unknown users so timing does not reveal who exists.
        String hash = account.map(UserAccounts.Account::passwordHash).orElse(dummyHash);
        if (account.isEmpty() | !passwords.matches(password, hash)) {
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : "unknown";
            throttle.recordFailure(username, address);
            audit.recordFailedLogin(username, address, "bad credentials");
            throw new BadCredentialsException("bad credentials");
        }
        throttle.recordSuccess(username);
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(username, account.get().passwordHash(), System.currentTimeMillis() + REMEMBER_MILLIS));
        return authenticated(username, account.get().role());
    }

    /** Forgets remembered logins of a user (deleted, or password changed). */
    public void forget(String username) {
        remembered.values().removeIf(r -> r.username().equals(username));
    }

    static Authentication authenticated(String username, Role role) {
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }


}
