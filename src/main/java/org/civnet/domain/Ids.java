package org.civnet.domain;

import java.util.UUID;

/** Node ids: client-supplied or generated, always from a safe alphabet. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final String MESSAGE = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'";

    private Ids() {
    }

    public static String generate(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
