package org.civnet.security;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civnet.neo4j.CypherQueries;
import org.civnet.neo4j.Neo4jErrors;
import org.civnet.domain.ConflictException;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.Timestamps;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users and API tokens, stored in Neo4j. Passwords are BCrypt hashes; a token is 32 random bytes
 * shown once and stored only as its SHA-256 (a high-entropy secret needs no slow hash).
 */
@Service
public class UserAccounts {

    public record Account(String username, String passwordHash, Role role) {
        @Override
        public String toString() {
            return "Account[" + username + ", " + role + "]";
        }
    }

    public record TokenInfo(@Sensitivity(NAME) String name, @Sensitivity(SAFE) String createdAt, @Sensitivity(SAFE) String expiresAt, @Sensitivity(SAFE) String revokedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PREFIX = "cvn_";

    private final Driver driver;
    private final CypherQueries cypher;
    private final PasswordEncoder passwords;

    public UserAccounts(Driver driver, CypherQueries cypher, PasswordEncoder passwords) {
        this.driver = driver;
        this.cypher = cypher;
        this.passwords = passwords;
    }

    public long userCount() {
        return read("security/count-users", Map.of()).get(0).get("count") instanceof Long l ? l : 0;
    }

    public void createUser(String username, String password, Role role) {
        try {
            write("security/create-user", Map.of("username", username, "passwordHash", passwords.encode(password),
                    "role", role.name(), "now", Timestamps.now()));
        } catch (ClientException e) {
            if (Neo4jErrors.isConstraintViolation(e)) {
                throw new ConflictException("user '" + username + "' already exists");
            }
            throw e;
        }
    }

    public void deleteUser(String username) {
        List<Map<String, Object>> rows = write("security/delete-user", Map.of("username", username));
        if (rows.isEmpty() || ((Long) rows.get(0).get("deleted")) == 0) {
            throw new NotFoundException("user", username);
        }
    }

    /** What an administrator sees of a user: no hash, no tokens. */
    public record UserInfo(@Sensitivity(SAFE) String username, Role role, @Sensitivity(SAFE) String createdAt) {
    }

    public List<UserInfo> users() {
        return read("security/list-users", Map.of()).stream()
                .map(r -> new UserInfo((String) r.get("username"), Role.valueOf((String) r.get("role")),
                        (String) r.get("createdAt")))
                .toList();
    }

    public Optional<Account> find(String username) {
        return read("security/find-user", Map.of("username", username)).stream().findFirst()
                .map(r -> new Account((String) r.get("username"), (String) r.get("passwordHash"),
                        Role.valueOf((String) r.get("role"))));
    }

    /** Issues a token for {@code owner}; the returned secret is never stored or shown again. */
    public String createToken(String owner, String name, int expiresInDays) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        params.put("name", name);
        params.put("hash", hash(token));
        params.put("now", Timestamps.now());
        params.put("expiresAt", Timestamps.format(Instant.now().plus(Duration.ofDays(expiresInDays))));
        try {
            if (write("security/create-token", params).isEmpty()) {
                throw new NotFoundException("user", owner);
            }
        } catch (ClientException e) {
            if (Neo4jErrors.isConstraintViolation(e)) {
                throw new ConflictException("a token named '" + name + "' already exists for this user");
            }
            throw e;
        }
        return token;
    }

    /** Revokes a token; returns its hash so caches can drop it. */
    public String revokeToken(String owner, String name) {
        List<Map<String, Object>> rows = write("security/revoke-token", Map.of("owner", owner, "name", name,
                "now", Timestamps.now()));
        if (rows.isEmpty()) {
            throw new NotFoundException("token", name);
        }
        return (String) rows.get(0).get("hash");
    }

    public List<TokenInfo> tokens(String owner) {
        return read("security/list-tokens", Map.of("owner", owner)).stream()
                .map(r -> new TokenInfo((String) r.get("name"), (String) r.get("createdAt"), (String) r.get("expiresAt"),
                        (String) r.get("revokedAt")))
                .toList();
    }

    /** The user a presented token belongs to, if it is valid now. */
    public Optional<Account> resolveToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return read("security/find-token", Map.of("hash", hash(token), "now", Timestamps.now())).stream().findFirst()
                .map(r -> new Account((String) r.get("username"), null, Role.valueOf((String) r.get("role"))));
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random password for the first administrator when none is configured. */
    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The deployment's pseudonym key, created once and shared by every instance. */
    public byte[] pseudonymKey() {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        String value = (String) write("security/pseudonym-key",
                Map.of("candidate", Base64.getEncoder().encodeToString(candidate))).get(0).get("value");
        return Base64.getDecoder().decode(value);
    }

    private List<Map<String, Object>> read(String statement, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher.get(statement), params).list(r -> r.asMap()));
        }
    }

    private List<Map<String, Object>> write(String statement, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> tx.run(cypher.get(statement), params).list(r -> r.asMap()));
        }
    }
}
