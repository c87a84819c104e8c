package org.civnet.neo4j;

import org.neo4j.driver.exceptions.ClientException;

/** Reading Neo4j's error codes in one place. */
public final class Neo4jErrors {

    private Neo4jErrors() {
    }

    /** A unique constraint refused the write: the id (or user name, token) is already used. */
    public static boolean isConstraintViolation(ClientException e) {
        return e.code() != null && e.code().contains("ConstraintValidationFailed");
    }
}
