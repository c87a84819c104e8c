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

import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civnet.domain.ConflictException;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.Timestamps;
import org.civnet.neo4j.Neo4jErrors;
import org.civnet.neo4j.Transactions;
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

    /** A user as stored, for a backup: the BCrypt hash, never a password. */
    public record StoredUser(String username, String passwordHash, String role, String createdAt) {
        @Override
        public String toString() {
            return "StoredUser[" + username + ", " + role + "]";
        }
    }

    /** What {@link PasswordEncoder} writes here (BCrypt); anything else would be a password in clear text. */
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$.{53}");
    private static final int MIN_PSEUDONYM_KEY_BYTES = 16;

    private final Transactions transactions;
    private final PasswordEncoder passwords;

    public UserAccounts(Transactions transactions, PasswordEncoder passwords) {
        this.transactions = transactions.require("security/all-users", "security/restore-users",
                "security/user-contact", "security/set-user-contact",
                "security/stored-pseudonym-key", "security/restore-pseudonym-key");
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

    // ---- backup and restore: users and the pseudonym key export and restore themselves -------------

    public List<StoredUser> storedUsers() {
        return transactions.read("security/all-users", Map.of(), r -> new StoredUser(r.get("username").asString(),
                r.get("passwordHash").asString(), r.get("role").asString(), r.get("createdAt").asString(null)));
    }

    /** Refuses users a restore must not create: no name, an unknown role, or no BCrypt hash. */
    public static void check(List<StoredUser> users, String field) {
        for (StoredUser user : users) {
            boolean knownRole = Stream.of(Role.values()).anyMatch(r -> r.name().equals(user.role()));
            boolean bcrypt = user.passwordHash() != null && BCRYPT_HASH.matcher(user.passwordHash()).matches();
            if (user.username() == null || !knownRole || !bcrypt) {
                throw new InvalidInputException(field, "holds an invalid user entry (" + user.username() + ")");
            }
        }
    }

    /** Creates the users that do not exist yet (an existing one, the administrator restoring, stays); returns how many. */
    public int restore(List<StoredUser> users) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredUser user : users) {
            Map<String, Object> row = new HashMap<>();
            row.put("username", user.username());
            row.put("passwordHash", user.passwordHash());
            row.put("role", user.role());
            row.put("createdAt", user.createdAt());
            rows.add(row);
        }
        return transactions.write("security/restore-users", Map.of("users", rows), r -> r.get("created").asInt()).get(0);
    }

    /** The contact a user is linked to ("me"), if any. */
    public Optional<String> contactOf(String username) {
        return transactions.read("security/user-contact", Map.of("username", username), r -> r.get("contact").asString(null))
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Links a user to the contact that is that person, or unlinks (null); 404 for an unknown user. */
    public void linkContact(String username, String contact) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", username);
        params.put("contact", contact);
        if (transactions.write("security/set-user-contact", params, r -> r.get("username").asString()).isEmpty()) {
            throw new NotFoundException("user", username);
        }
    }

    /** The pseudonym key as stored (Base64), if one was created. */
    public Optional<String> storedPseudonymKey() {
        return transactions.read("security/stored-pseudonym-key", Map.of(), r -> r.get("value").asString()).stream()
                .findFirst();
    }

    /** Refuses a key that is not Base64 of enough bytes: every pseudonymised read would fail with it. */
    public static void checkPseudonymKey(String key, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < MIN_PSEUDONYM_KEY_BYTES) {
            throw new InvalidInputException(field, "is not Base64 of at least " + MIN_PSEUDONYM_KEY_BYTES + " bytes");
        }
    }

    /** Sets the key where none exists yet (a running instance may have cached the current one); true if set. */
    public boolean restorePseudonymKey(String key) {
        return transactions.write("security/restore-pseudonym-key", Map.of("value", key),
                r -> r.get("restored").asBoolean()).get(0);
    }

    private List<Map<String, Object>> read(String statement, Map<String, Object> params) {
        return transactions.read(statement, params, r -> r.asMap());
    }

    private List<Map<String, Object>> write(String statement, Map<String, Object> params) {
        return transactions.write(statement, params, r -> r.asMap());
    }
}
