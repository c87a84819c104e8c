package org.civnet.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for one username (or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, which may be a shared proxy) within the
 * window, further attempts are refused (429) until the window has passed since the last failure. In memory, per instance: a shared store would make it exact
 * behind a load balancer, at the price of a write per failed login.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public void recordFailure(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        record("user:" + username);
        record("addr:" + address);
    }

    public void recordSuccess(String username) {
        failures.remove("user:" + username);
    }

    /** Seconds to wait before trying again, or 0 when not blocked. */
    public long retryAfterSeconds(String username, String address) {
        return Math.max(blockedFor("user:" + username, MAX_FAILURES), blockedFor("addr:" + address, MAX_FAILURES_PER_ADDRESS));
    }

    private void record(String key) {
        long now = clock.millis();
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private long blockedFor(String key, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long now = clock.millis();
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, (times.peekLast() + WINDOW.toMillis() - now) / 1000);
        }
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - WINDOW.toMillis()) {
            times.pollFirst();
        }
    }
}
