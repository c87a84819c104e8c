package org.civnet.domain;

import org.civnet.domain.InvalidInputException.FieldProblem;

/** A named thing does not exist; answered with 404 naming it (and the field that named it, when one did). */
public class NotFoundException extends RuntimeException {

    private final transient FieldProblem problem;

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
        this.problem = null;
    }

    /** A field of a request names something that does not exist, e.g. {@code mandates} naming an unknown mandate. */
    public NotFoundException(String field, String what, String id) {
        super(field + ": " + what + " '" + id + "' does not exist");
        this.problem = new FieldProblem(field, what + " '" + id + "' does not exist");
    }

    /** The field that named the missing thing, or null. */
    public FieldProblem problem() {
        return problem;
    }
}
