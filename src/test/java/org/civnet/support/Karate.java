package org.civnet.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zachary's karate club from the reference graphs ({@link ReferenceFiles}) as a network document:
 * member i is contact {@code k<i>} (consenting, in France), each edge a KNOWS tie with trust 3.
 */
public final class Karate {

    private Karate() {
    }

    /** The club's NetworkX values. */
    public static JsonNode reference() {
        return ReferenceFiles.json("karate");
    }

    public static String document() {
        List<String> edges = ReferenceFiles.lines("karate", "edges.csv");
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
    }
}
