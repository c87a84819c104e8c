package org.civnet.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civnet.neo4j.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
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

    private final Driver driver;
    private final CypherQueries cypher;
    private final Clock clock;

    @Autowired
    public LoginThrottle(Driver driver, CypherQueries cypher) {
        this(driver, cypher, Clock.systemUTC());
    }

    LoginThrottle(Driver driver, CypherQueries cypher, Clock clock) {
        this.driver = driver;
        this.cypher = cypher;
        this.clock = clock;
        cypher.require("security/record-login-failure", "security/login-failures", "security/clear-login-failures");
    }

    public void recordFailure(String username, String address) {
        long now = clock.millis();
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(cypher.get("security/record-login-failure"), Map.of(
                    "keys", List.of(userKey(username), addressKey(address)), "now", now,
                    "cutoff", now - WINDOW.toMillis(), "keep", MAX_FAILURES_PER_ADDRESS)).consume());
        }
    }

    public void recordSuccess(String username) {
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(cypher.get("security/clear-login-failures"),
                    Map.of("key", userKey(username))).consume());
        }
    }

    /** Seconds to wait before trying again, or 0 when not blocked. */
    public long retryAfterSeconds(String username, String address) {
        long now = clock.millis();
        String user = userKey(username);
        List<org.neo4j.driver.Record> rows;
        try (Session session = driver.session()) {
            rows = session.executeRead(tx -> tx.run(cypher.get("security/login-failures"), Map.of(
                    "keys", List.of(user, addressKey(address)), "cutoff", now - WINDOW.toMillis())).list());
        }
        long wait = 0;
        for (org.neo4j.driver.Record row : rows) {
            List<Long> times = row.get("times").asList(v -> v.asLong());
            int limit = row.get("key").asString().equals(user) ? MAX_FAILURES : MAX_FAILURES_PER_ADDRESS;
            if (times.size() >= limit) {
                wait = Math.max(wait, Math.max(1, (times.get(times.size() - 1) + WINDOW.toMillis() - now) / 1000));
            }
        }
        return wait;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
