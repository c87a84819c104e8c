package org.civnet.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as fixed-width ISO-8601 UTC strings (microseconds), so that comparing them as text,
 * as Cypher does, orders them in time.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
