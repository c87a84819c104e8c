package org.civnet.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civnet.neo4j.Transactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for one username (or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, which may be a shared proxy) within the
 * window, further attempts are refused (429) until the window has passed since the last failure.
 *
 * <p>The failures are kept in the store, not in this JVM, so several civnets on one Neo4j (replicas
 * behind a load balancer) count them together: a guesser gains nothing by spreading attempts. This
 * costs one write per failed login and one indexed read per Basic login.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final Clock clock;

    @Autowired
    public LoginThrottle(Transactions transactions) {
        this(transactions, Clock.systemUTC());
    }

    LoginThrottle(Transactions transactions, Clock clock) {
        this.transactions = transactions.require("security/record-login-failure", "security/login-failures",
                "security/clear-login-failures");
        this.clock = clock;
    }

    public void recordFailure(String username, String address) {
        long now = clock.millis();
        transactions.run("security/record-login-failure", Map.of("keys", List.of(userKey(username), addressKey(address)),
                "now", now, "cutoff", now - WINDOW.toMillis(), "keep", MAX_FAILURES_PER_ADDRESS));
    }

    public void recordSuccess(String username) {
        transactions.run("security/clear-login-failures", Map.of("key", userKey(username)));
    }

    /** Seconds to wait before trying again, or 0 when not blocked. */
    public long retryAfterSeconds(String username, String address) {
        long now = clock.millis();
        String user = userKey(username);
        List<Failures> rows = transactions.read("security/login-failures", Map.of(
                "keys", List.of(user, addressKey(address)), "cutoff", now - WINDOW.toMillis()),
                r -> new Failures(r.get("key").asString(), r.get("times").asList(v -> v.asLong())));
        long wait = 0;
        for (Failures row : rows) {
            List<Long> times = row.times();
            int limit = row.key().equals(user) ? MAX_FAILURES : MAX_FAILURES_PER_ADDRESS;
            if (times.size() >= limit) {
                wait = Math.max(wait, Math.max(1, (times.get(times.size() - 1) + WINDOW.toMillis() - now) / 1000));
            }
        }
        return wait;
    }

    /** The failed logins inside the window under one key, oldest first. */
    private record Failures(String key, List<Long> times) {
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
