package org.civnet.network;

/** A named thing does not exist; answered with 404 naming it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
