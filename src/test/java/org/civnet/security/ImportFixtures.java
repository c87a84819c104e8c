package org.civnet.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class ImportFixtures {
    static final String SMALL = read("small-network.json");

    private ImportFixtures() {
    }

    static String read(String name) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
