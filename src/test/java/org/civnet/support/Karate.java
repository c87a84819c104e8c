package org.civnet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zachary's karate club from {@code ../shared/reference/karate} as a network document: member i is
 * contact {@code k<i>} (consenting, in France), each edge a KNOWS tie with trust 3.
 */
public final class Karate {

    private Karate() {
    }

    public static Path folder() {
        for (String candidate : List.of("../shared/reference", "../../shared/reference", "/work/shared/reference")) {
            Path p = Path.of(candidate, "karate");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("../shared/reference/karate not found");
    }

    public static JsonNode reference() {
        try {
            return new ObjectMapper().readTree(folder().resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String document() {
        try {
            List<String> edges = Files.readAllLines(folder().resolve("edges.csv"));
            StringBuilder contacts = new StringBuilder();
            for (int i = 0; i < 34; i++) {
                contacts.append(i == 0 ? "" : ",").append("{\"id\":\"k").append(i).append("\",\"name\":\"Member ")
                        .append(i).append("\",\"country\":\"FR\",\"consentToIntroduce\":true}");
            }
            StringBuilder ties = new StringBuilder();
            for (String line : edges.subList(1, edges.size())) {
                String[] cells = line.split(",");
                ties.append(ties.length() == 0 ? "" : ",").append("{\"type\":\"KNOWS\",\"from\":\"k").append(cells[0])
                        .append("\",\"to\":\"k").append(cells[1]).append("\",\"trust\":3}");
            }
            return "{\"contacts\":[" + contacts + "],\"ties\":[" + ties + "]}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
