package org.civnet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs one peer measurement of {@code src/test/bench/peers.py} (Debian's /usr/bin/python3) and reads its JSON line. */
final class Peers {

    static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    static final String SCRIPT = System.getProperty("bench.peers", "src/test/bench/peers.py");

    private Peers() {
    }

    static Map<String, Object> igraphBetweenness(String label, Path dir) throws IOException {
        Process process = new ProcessBuilder(List.of(PYTHON, SCRIPT, "igraph-betweenness", label, dir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new IOException("peers.py igraph-betweenness failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String last = output.substring(output.lastIndexOf('\n') + 1);
        return new ObjectMapper().readValue(last, new TypeReference<Map<String, Object>>() { });
    }
}
