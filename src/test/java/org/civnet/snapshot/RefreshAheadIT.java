package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.network.NetworkStore;
import org.civnet.referral.ReferralService;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * After a small write, civnet brings the scopes people were using forward in the background, so the
 * next analysis finds its snapshot at the new version already built; a bulk write does not.
 */
@TestPropertySource(properties = "civnet.analysis.refresh-ahead=true")
class RefreshAheadIT extends IntegrationTest {

    @Autowired
    SnapshotCache cache;
    @Autowired
    SnapshotReader reader;
    @Autowired
    NetworkStore store;

    @Test
    void aSmallWriteBringsTheScopeUsedLastForwardBeforeTheNextRequest() throws InterruptedException {
        for (String id : new String[] {"ra-1", "ra-2", "ra-3"}) {
            created(send(http, HttpMethod.POST, "/api/contacts", contact(id)));
        }
        created(send(http, HttpMethod.POST, "/api/ties", tie("ra-1", "ra-2")));
        ResponseEntity<JsonNode> degree = send(http, HttpMethod.GET, "/api/analysis/centrality?metric=degree&top=10", null);
        assertThat(degree.getStatusCode().is2xxSuccessful()).as(String.valueOf(degree.getBody())).isTrue();
        ResponseEntity<JsonNode> referral = send(http, HttpMethod.GET, "/api/referrals?from=ra-1&to=ra-3", null);
        assertThat(referral.getStatusCode().is2xxSuccessful()).as(String.valueOf(referral.getBody())).isTrue();
        java.util.List<NetworkSnapshot> toldAhead = new java.util.concurrent.CopyOnWriteArrayList<>();
        cache.onRefreshedAhead(toldAhead::add);
        long askedBefore = cache.refreshesAheadAsked();
        long aheadBefore = cache.refreshedAhead();

        created(send(http, HttpMethod.POST, "/api/ties", tie("ra-2", "ra-3")));

        assertThat(cache.refreshesAheadAsked()).as("asked for by the write, before its response").isEqualTo(askedBefore + 1);
        long version = store.graphVersion();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (toldAhead.stream().noneMatch(s -> s.graphVersion() == version) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(cache.refreshedAhead()).as("the scope used last brought forward in the background")
                .isGreaterThan(aheadBefore);
        AnalysisScope referralScope = ReferralService.scope(null, null);
        assertThat(toldAhead).extracting(NetworkSnapshot::scope).containsOnly(referralScope);
        assertThat(toldAhead).extracting(NetworkSnapshot::graphVersion).contains(version);
        SnapshotCache.Lookup lookup = cache.get(referralScope);
        assertThat(lookup.cacheHit()).as("the next referral finds its scope built").isTrue();
        assertThat(lookup.snapshot().graphVersion()).isEqualTo(version);
        NetworkSnapshot snapshot = lookup.snapshot();
        assertThat(snapshot.graph().hasEdge(snapshot.indexOf("ra-2"), snapshot.indexOf("ra-3")))
                .as("the new tie is in it").isTrue();
        GraphData fresh = reader.read();
        assertThat(GraphDataContent.of(cache.graphData())).isEqualTo(GraphDataContent.of(fresh));
    }

    @Test
    void aBulkWriteLeavesTheRefreshToTheNextRequest() {
        created(send(http, HttpMethod.POST, "/api/contacts", contact("rb-0")));
        send(http, HttpMethod.GET, "/api/analysis/centrality?metric=degree&top=10", null);
        StringBuilder contacts = new StringBuilder();
        for (int i = 1; i <= SnapshotCache.MAX_REFRESH_AHEAD_NODES + 1; i++) {
            contacts.append(i == 1 ? "" : ",").append(contact("rb-" + i));
        }
        long askedBefore = cache.refreshesAheadAsked();

        ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", "{\"contacts\":[" + contacts + "]}");

        assertThat(imported.getStatusCode().is2xxSuccessful()).as(String.valueOf(imported.getBody())).isTrue();
        assertThat(cache.refreshesAheadAsked()).as("an import batch of more than " + SnapshotCache.MAX_REFRESH_AHEAD_NODES
                + " nodes asks for no refresh ahead").isEqualTo(askedBefore);
        // The next request still sees the import.
        assertThat(cache.get(AnalysisScope.all()).snapshot().indexOf("rb-" + SnapshotCache.MAX_REFRESH_AHEAD_NODES))
                .isNotNegative();
    }

    private static void created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    }

    private static String contact(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Contact " + id + "\",\"kind\":\"DEFENDER\",\"country\":\"KE\","
                + "\"riskLevel\":\"NONE\",\"consentToIntroduce\":true}";
    }

    private static String tie(String from, String to) {
        return "{\"type\":\"KNOWS\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"trust\":4}";
    }
}
