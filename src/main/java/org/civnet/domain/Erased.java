package org.civnet.domain;

import java.util.regex.Pattern;

/**
 * What stands where an erased person was named: {@code erased-} and 12 hex digits of a keyed one-way
 * digest of their id (security/Pseudonyms#tombstone). The same person gets the same tombstone
 * everywhere (the introductions that named them, the audit entries, the erasure's own entry), so the
 * record stays coherent; without the deployment's key the id cannot be recovered or guessed from it.
 */
public final class Erased {

    /** The shape of a tombstone, as a regular expression (Java and Cypher). */
    public static final String PATTERN = "erased-[0-9a-f]{12}";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private Erased() {
    }

    public static boolean isTombstone(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
