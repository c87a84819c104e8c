package org.civnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Coalition numbers are identities: a planted partition (six groups of eight, dense inside, a ring of
 * single ties between them) keeps its numbers when unrelated ties and contacts are added, and the
 * report says what changed and against which graph version.
 */
class CoalitionIdentityIT extends IntegrationTest {

    private static final String COALITIONS = "/api/analysis/coalitions?seed=42";

    /** Six groups g0..g5 of eight contacts; every pair inside a group is tied except member 0 with member 1. */
    private static String plantedPartition() {
        List<String> contacts = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (int g = 0; g < 6; g++) {
            for (int i = 0; i < 8; i++) {
                contacts.add("{\"id\":\"g" + g + "-" + i + "\",\"name\":\"Member " + g + "." + i + "\",\"country\":\"FR\"}");
                for (int j = i + 1; j < 8; j++) {
                    if (!(i == 0 && j == 1)) {
                        ties.add(knows("g" + g + "-" + i, "g" + g + "-" + j));
                    }
                }
            }
            ties.add(knows("g" + g + "-2", "g" + ((g + 1) % 6) + "-3"));
        }
        return "{\"contacts\":[" + String.join(",", contacts) + "],\"ties\":[" + String.join(",", ties) + "]}";
    }

    private static String knows(String from, String to) {
        return "{\"type\":\"KNOWS\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"trust\":3}";
    }

    private void importDocument(String json) {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", json).getBody();
        assertThat(report.get("rejected")).as(String.valueOf(report)).isEmpty();
    }

    /** Each coalition's members, by number. */
    private static Map<Integer, Set<String>> membersByNumber(JsonNode report) {
        Map<Integer, Set<String>> out = new HashMap<>();
        for (JsonNode c : report.get("coalitions")) {
            Set<String> members = new TreeSet<>();
            c.get("members").forEach(m -> members.add(m.asText()));
            out.put(c.get("id").asInt(), members);
        }
        return out;
    }

    private static JsonNode coalitionWith(JsonNode report, String member) {
        for (JsonNode c : report.get("coalitions")) {
            for (JsonNode m : c.get("members")) {
                if (m.asText().equals(member)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no coalition holds " + member);
    }

    @Test
    void untouchedCoalitionsKeepTheirNumbersAcrossUnrelatedWrites() {
        importDocument(plantedPartition());
        JsonNode first = http.getForObject(COALITIONS, JsonNode.class);
        Map<Integer, Set<String>> before = membersByNumber(first);
        assertThat(before).hasSize(6);
        assertThat(before.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        for (Set<String> members : before.values()) {
            assertThat(members.stream().map(m -> m.substring(0, 2)).distinct()).as("one planted group").hasSize(1);
        }
        assertThat(first.hasNonNull("comparedWithGraphVersion")).as("nothing to compare with").isFalse();
        first.get("coalitions").forEach(c -> assertThat(c.get("change").asText()).isEqualTo("new"));
        // the same graph again: the same answer
        assertThat(http.getForObject(COALITIONS, JsonNode.class).get("coalitions")).isEqualTo(first.get("coalitions"));

        // Unrelated writes: a tie inside g0, and a new pair of contacts tied only to each other.
        assertThat(send(http, HttpMethod.POST, "/api/ties", knows("g0-0", "g0-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        importDocument("{\"contacts\":[{\"id\":\"new-a\",\"name\":\"New A\",\"country\":\"KE\"},"
                + "{\"id\":\"new-b\",\"name\":\"New B\",\"country\":\"KE\"}],\"ties\":[" + knows("new-a", "new-b") + "]}");
        JsonNode second = http.getForObject(COALITIONS, JsonNode.class);
        assertThat(second.get("graphVersion").asLong()).isGreaterThan(first.get("graphVersion").asLong());
        assertThat(second.get("comparedWithGraphVersion").asLong()).isEqualTo(first.get("graphVersion").asLong());
        Map<Integer, Set<String>> after = membersByNumber(second);
        for (Map.Entry<Integer, Set<String>> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as("coalition %d keeps its number", e.getKey()).isEqualTo(e.getValue());
            JsonNode c = coalitionWith(second, e.getValue().iterator().next());
            assertThat(c.get("change").asText()).isEqualTo("continued");
            assertThat(c.get("from")).containsExactly(c.get("id"));
            assertThat(c.get("similarity").asDouble()).isEqualTo(1.0);
        }
        JsonNode pair = coalitionWith(second, "new-a");
        assertThat(pair.get("id").asInt()).isEqualTo(6);
        assertThat(pair.get("change").asText()).isEqualTo("new");
        assertThat(pair.get("from")).isEmpty();
        assertThat(second.get("ended")).isEmpty();
        // Every request at this version, from any role, gets the same numbers and changes.
        JsonNode asAnalyst = as(Role.ANALYST).getForObject(COALITIONS, JsonNode.class);
        assertThat(asAnalyst.get("coalitions")).isEqualTo(second.get("coalitions"));
        assertThat(asAnalyst.get("comparedWithGraphVersion")).isEqualTo(second.get("comparedWithGraphVersion"));
        // Another scope (another seed) is tracked on its own: its first computation is all new.
        JsonNode otherSeed = http.getForObject("/api/analysis/coalitions?seed=7", JsonNode.class);
        assertThat(otherSeed.hasNonNull("comparedWithGraphVersion")).isFalse();

        // Two coalitions merge: every member of g4 tied to every member of g5.
        int g4 = coalitionWith(second, "g4-0").get("id").asInt();
        int g5 = coalitionWith(second, "g5-0").get("id").asInt();
        List<String> ties = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                ties.add(knows("g4-" + i, "g5-" + j));
            }
        }
        importDocument("{\"ties\":[" + String.join(",", ties) + "]}");
        JsonNode third = http.getForObject(COALITIONS, JsonNode.class);
        assertThat(third.get("comparedWithGraphVersion").asLong()).isEqualTo(second.get("graphVersion").asLong());
        JsonNode merged = coalitionWith(third, "g4-0");
        assertThat(merged.get("change").asText()).isEqualTo("merged");
        assertThat(merged.get("from")).extracting(JsonNode::asInt).containsExactly(Math.min(g4, g5), Math.max(g4, g5));
        assertThat(merged.get("id").asInt()).as("an even merge is a new group: a number never used").isEqualTo(7);
        assertThat(merged.get("members")).hasSize(16);
        assertThat(third.get("ended")).extracting(JsonNode::asInt).containsExactly(Math.min(g4, g5), Math.max(g4, g5));
        Map<Integer, Set<String>> last = membersByNumber(third);
        for (String untouched : List.of("g0-0", "g1-0", "g2-0", "g3-0", "new-a")) {
            int number = coalitionWith(second, untouched).get("id").asInt();
            assertThat(last.get(number)).as(untouched).isEqualTo(membersByNumber(second).get(number));
        }
        // links and bridges name coalitions by their numbers
        Set<Integer> numbers = last.keySet();
        third.get("links").forEach(l -> assertThat(numbers).contains(l.get("a").asInt(), l.get("b").asInt()));
        third.get("coalitions").forEach(c -> c.get("bridges").forEach(b -> b.get("joins")
                .forEach(j -> assertThat(numbers).contains(j.asInt()))));
    }
}
