package org.civnet.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The network documents of the institutional-memory and coverage tests. */
final class Fixtures {
    /** Activities, participation with follow-ups, introductions (see the tests for what is where). */
    static final String MEMORY = read("memory-network.json");
    /** The hand-counted network of {@code CoverageCounterTest}, with record dates. */
    static final String COVERAGE = read("coverage-network.json");

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
