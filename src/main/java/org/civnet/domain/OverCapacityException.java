package org.civnet.domain;

import java.util.Map;

/**
 * An analysis refused before it ran: it would need more memory than the heap has free or the
 * configured budget allows, or every analysis worker is busy. Answered with 503; {@code figures}
 * (bytes and seconds: the estimate, the budget, the free heap) become properties of the problem
 * detail, and {@code retryAfterSeconds}, when set, the {@code Retry-After} header.
 */
public class OverCapacityException extends ServiceUnavailableException {

    private final transient Map<String, Object> figures;
    private final Long retryAfterSeconds;

    public OverCapacityException(String message, Map<String, Object> figures, Long retryAfterSeconds) {
        super(message);
        this.figures = Map.copyOf(figures);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    /** Seconds after which the same request may be admitted; null when waiting would not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
