package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Every write through the API leaves, under the graph version it bumps, a change record naming the
 * nodes whose rows or ties it changed, written in the same transaction; a write that changes
 * nothing bumps nothing and records nothing.
 */
class ChangeRecordIT extends IntegrationTest {

    @Test
    void eachWriteRecordsTheNodesItChangedUnderTheVersionItBumps() {
        created("/api/contacts", "{\"id\":\"c-a\",\"name\":\"A\",\"country\":\"JO\"}");
        assertThat(latest()).containsExactly("c-a");
        created("/api/contacts", "{\"id\":\"c-b\",\"name\":\"B\",\"country\":\"JO\"}");
        created("/api/organisations", "{\"id\":\"o-a\",\"name\":\"Org\",\"type\":\"NGO_NATIONAL\",\"country\":\"JO\"}");

        assertThat(send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c-b\",\"to\":\"c-a\",\"trust\":3}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(latest()).containsExactlyInAnyOrder("c-a", "c-b");
        long version = version();
        // The same tie again changes nothing: no new version, no record.
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c-b\",\"to\":\"c-a\",\"trust\":3}");
        assertThat(version()).isEqualTo(version);

        send(http, HttpMethod.POST, "/api/import", "{\"ties\":[{\"type\":\"AFFILIATED_WITH\",\"from\":\"c-a\",\"to\":\"o-a\"}]}");
        assertThat(latest()).containsExactlyInAnyOrder("c-a", "o-a");

        assertThat(send(http, HttpMethod.DELETE, "/api/contacts/c-b", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(latest()).containsExactly("c-b");

        // One record per version, none missing.
        try (Session session = driver.session()) {
            List<Long> versions = session.run("MATCH (c:GraphChange) RETURN c.version AS v ORDER BY v")
                    .list(r -> r.get("v").asLong());
            assertThat(versions).hasSize(6);
            assertThat(versions.get(versions.size() - 1)).isEqualTo(version());
            assertThat(versions.get(versions.size() - 1) - versions.get(0)).isEqualTo(5);
        }
    }

    private void created(String path, String json) {
        assertThat(send(http, HttpMethod.POST, path, json).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private long version() {
        try (Session session = driver.session()) {
            return session.run("MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS v").single().get("v").asLong();
        }
    }

    /** The nodes the record of the current version lists. */
    private List<String> latest() {
        try (Session session = driver.session()) {
            Record r = session.run("MATCH (v:GraphVersion {id: 'graph'}) MATCH (c:GraphChange {version: v.version}) "
                    + "RETURN c.nodes AS nodes, c.everything AS everything", Map.of()).single();
            assertThat(r.get("everything").asBoolean()).isFalse();
            return r.get("nodes").asList(Value::asString);
        }
    }
}
