package org.civnet.domain;

/**
 * civnet cannot complete the request now but will later (it is shutting down); answered with 503
 * and a detail that says what was done and how to finish.
 */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message) {
        super(message);
    }
}
