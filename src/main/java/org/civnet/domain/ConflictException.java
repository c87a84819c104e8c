package org.civnet.domain;

/** The request clashes with what is stored (e.g. a duplicate id); answered with 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
