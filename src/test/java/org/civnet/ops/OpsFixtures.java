package org.civnet.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The small network of {@code fixtures/small-network.json}: one confidential, at-risk contact (Badr Salem). */
final class OpsFixtures {

    static final String SMALL_NETWORK = read("/fixtures/small-network.json");

    private OpsFixtures() {
    }

    private static String read(String resource) {
        try (InputStream in = OpsFixtures.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
