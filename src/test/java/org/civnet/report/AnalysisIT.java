package org.civnet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.civnet.support.Karate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AnalysisIT extends IntegrationTest {

    private void karate() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", Karate.document()).getBody();
        assertThat(report.get("rejected")).isEmpty();
    }

    @Test
    void betweennessOnTheKarateClubMatchesNetworkX() {
        karate();
        JsonNode report = http.getForObject("/api/analysis/centrality?metric=betweenness&top=34", JsonNode.class);
        JsonNode expected = Karate.reference().at("/node_metrics/betweenness_normalized");
        assertThat(report.get("scores")).hasSize(34);
        for (JsonNode score : report.get("scores")) {
            String member = score.get("id").asText().substring(1);
            assertThat(score.get("score").asDouble()).as(member).isCloseTo(expected.get(member).asDouble(), within(1e-9));
        }
        assertThat(report.at("/scores/0/id").asText()).isEqualTo("k0");
        assertThat(report.get("conventions").asText()).contains("NetworkX");
        assertThat(report.at("/summary/max").asDouble()).isCloseTo(expected.get("0").asDouble(), within(1e-9));
        assertThat(report.at("/snapshot/vertices").asInt()).isEqualTo(34);
        assertThat(report.at("/snapshot/ties").asInt()).isEqualTo(78);
    }

    @Test
    void everyMetricAnswersAndBadParametersAre400s() {
        karate();
        for (String metric : new String[] {"degree", "closeness", "harmonic", "pagerank", "eigenvector", "coreness", "clustering"}) {
            JsonNode report = http.getForObject("/api/analysis/centrality?metric=" + metric + "&top=3", JsonNode.class);
            assertThat(report.get("scores")).as(metric).hasSize(3);
        }
        JsonNode pagerank = http.getForObject("/api/analysis/centrality?metric=pagerank&top=1", JsonNode.class);
        assertThat(pagerank.at("/scores/0/score").asDouble())
                .isCloseTo(Karate.reference().at("/node_metrics/pagerank/33").asDouble(), within(1e-4));
        assertBadRequest("/api/analysis/centrality?metric=fame", "metric");
        assertBadRequest("/api/analysis/centrality?nodes=Contact,Person", "nodes");
        assertBadRequest("/api/analysis/centrality?ties=KNOWS%60%5D-()", "ties");
        assertBadRequest("/api/analysis/centrality?minTrust=9", "minTrust");
        assertBadRequest("/api/analysis/centrality?metric=degree&approx=5", "metric");
        assertBadRequest("/api/analysis/centrality?top=100000000", "top");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&sources=label:Planet&targets=label:Contact", "sources");
    }

    private void assertBadRequest(String path, String field) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(path).contains(field);
    }

    @Test
    void sampledAndSubsetBetweenness() {
        karate();
        JsonNode exact = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5", JsonNode.class);
        JsonNode sampled = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5&approx=34&seed=7", JsonNode.class);
        assertThat(sampled.get("scores").findValuesAsText("id")).isEqualTo(exact.get("scores").findValuesAsText("id"));
        JsonNode again = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5&approx=10&seed=7", JsonNode.class);
        JsonNode same = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5&approx=10&seed=7", JsonNode.class);
        assertThat(again.get("scores")).isEqualTo(same.get("scores"));
        JsonNode subset = http.getForObject("/api/analysis/centrality?metric=betweenness&top=34&sources=id:k0&targets=id:k33",
                JsonNode.class);
        assertThat(subset.get("scores").findValuesAsText("id")).contains("k8");
    }

    @Test
    void aWriteInvalidatesTheCachedSnapshot() {
        karate();
        JsonNode first = http.getForObject("/api/analysis/centrality?metric=degree&top=1", JsonNode.class);
        JsonNode second = http.getForObject("/api/analysis/centrality?metric=degree&top=1", JsonNode.class);
        assertThat(second.at("/snapshot/cacheHit").asBoolean()).isTrue();
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"k99\",\"name\":\"Newcomer\",\"country\":\"FR\"}");
        JsonNode third = http.getForObject("/api/analysis/centrality?metric=degree&top=1", JsonNode.class);
        assertThat(third.at("/snapshot/cacheHit").asBoolean()).isFalse();
        assertThat(third.get("graphVersion").asLong()).isGreaterThan(first.get("graphVersion").asLong());
        assertThat(third.at("/snapshot/vertices").asInt()).isEqualTo(35);
    }

    @Test
    void theCsvReportHasAHeaderNeutralisesFormulasAndObeysTheRole() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"a","name":"=HYPERLINK(\\"http://evil\\")","country":"FR"},
                             {"id":"b","name":"Secret Source","country":"FR","confidential":true},
                             {"id":"c","name":"Plain","country":"FR"}],
                 "ties":[{"type":"KNOWS","from":"a","to":"b","trust":3},{"type":"KNOWS","from":"b","to":"c","trust":3}]}
                """);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.valueOf("text/csv")));
        for (Role role : Role.values()) {
            ResponseEntity<String> csv = as(role).exchange("/api/reports/centrality?metric=degree", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
            assertThat(csv.getStatusCode()).as(role.name()).isEqualTo(HttpStatus.OK);
            String body = csv.getBody();
            assertThat(body).startsWith("rank,id,name,label,kind,region,degree,graphVersion,scope,pseudonymised\r\n");
            assertThat(body).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
            if (role.hasClearance()) {
                assertThat(body).contains("Secret Source");
            } else {
                assertThat(body).doesNotContain("Secret Source").doesNotContain(",b,").contains("anon-");
            }
        }
        assertThat(as(Role.REPORTS).getForEntity("/api/reports/centrality?format=csv", String.class).getBody())
                .doesNotContain("Secret Source");
        assertThat(as(Role.REPORTS).getForEntity("/api/analysis/centrality", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode json = as(Role.ANALYST).getForObject("/api/analysis/centrality?metric=degree", JsonNode.class);
        assertThat(json.toString()).doesNotContain("Secret Source").contains("anon-");
    }

    @Test
    void brokersExplainThemselves() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"e1","name":"E1","country":"FR"},{"id":"e2","name":"E2","country":"DE"},
                             {"id":"bridge","name":"Bridge Person","country":"FR"},
                             {"id":"a1","name":"A1","country":"SN"},{"id":"a2","name":"A2","country":"KE"}],
                 "ties":[{"type":"KNOWS","from":"e1","to":"e2","trust":3},{"type":"KNOWS","from":"e1","to":"bridge","trust":3},
                         {"type":"KNOWS","from":"e2","to":"bridge","trust":3},{"type":"KNOWS","from":"bridge","to":"a1","trust":3},
                         {"type":"KNOWS","from":"bridge","to":"a2","trust":3},{"type":"KNOWS","from":"a1","to":"a2","trust":3}]}
                """);
        JsonNode report = http.getForObject("/api/analysis/brokers?groupBy=region", JsonNode.class);
        JsonNode top = report.get("brokers").get(0);
        assertThat(top.get("id").asText()).isEqualTo("bridge");
        assertThat(top.get("why").asText()).contains("ENACA").contains("AFRICA").contains("4 paths");
        assertThat(top.at("/roles/GATEKEEPER/count").asLong() + top.at("/roles/REPRESENTATIVE/count").asLong()).isEqualTo(8);
        assertThat(top.get("betweenness").asDouble()).isCloseTo(4.0 / 6.0, within(1e-9));
        assertThat(top.get("constraint").asDouble()).isLessThan(report.get("brokers").get(1).get("constraint").asDouble());
        assertThat(http.getForEntity("/api/analysis/brokers?groupBy=shoe", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void coalitionsOnTheKarateClub() {
        karate();
        JsonNode report = http.getForObject("/api/analysis/coalitions?seed=42&weighted=false", JsonNode.class);
        assertThat(report.get("algorithm").asText()).isEqualTo("leiden");
        assertThat(report.get("modularity").asDouble()).isGreaterThanOrEqualTo(0.41);
        Set<String> seen = new HashSet<>();
        for (JsonNode coalition : report.get("coalitions")) {
            for (JsonNode member : coalition.get("members")) {
                assertThat(seen.add(member.asText())).as("each member in one coalition").isTrue();
            }
            assertThat(coalition.get("density").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(seen).hasSize(34);
        JsonNode again = http.getForObject("/api/analysis/coalitions?seed=42&weighted=false", JsonNode.class);
        assertThat(again.get("coalitions")).isEqualTo(report.get("coalitions"));
        JsonNode louvain = http.getForObject("/api/analysis/coalitions?algorithm=louvain&seed=3&weighted=false", JsonNode.class);
        assertThat(louvain.get("modularity").asDouble()).isGreaterThan(0.38);
        assertThat(http.getForEntity("/api/analysis/coalitions?algorithm=astrology", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(report.get("links")).isNotEmpty();
    }

    @Test
    void isolationFindsTheUnreachedAndTheSinglePointsOfFailure() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                   {"id":"hub","name":"Hub","country":"CH","consentToIntroduce":true},
                   {"id":"broker","name":"Broker","country":"KE","consentToIntroduce":true},
                   {"id":"land1","name":"Land 1","country":"KE","riskLevel":"HIGH","themes":["LAND"]},
                   {"id":"land2","name":"Land 2","country":"KE","riskLevel":"ELEVATED","themes":["LAND"]},
                   {"id":"lgbti1","name":"Isolated 1","country":"JO","themes":["LGBTI"]},
                   {"id":"lgbti2","name":"Isolated 2","country":"JO","themes":["LGBTI"]}],
                 "organisations":[{"id":"ngo","name":"NGO","country":"CH"}],
                 "mandates":[{"id":"sr","title":"SR","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "ties":[{"type":"PARTNERS_WITH","from":"ngo","to":"sr"},{"type":"AFFILIATED_WITH","from":"hub","to":"ngo"},
                         {"type":"KNOWS","from":"hub","to":"broker","trust":4},{"type":"KNOWS","from":"broker","to":"land1","trust":4},
                         {"type":"KNOWS","from":"land1","to":"land2","trust":4},{"type":"KNOWS","from":"lgbti1","to":"lgbti2","trust":4}]}
                """);
        JsonNode report = http.getForObject("/api/analysis/isolation?groupBy=theme", JsonNode.class);
        assertThat(report.at("/groups/0/name").asText()).isEqualTo("LGBTI");
        assertThat(report.at("/groups/0/unreachableShare").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/groups/0/explanation").asText()).contains("no path to any mandate");
        assertThat(report.get("unreached")).hasSize(1);
        assertThat(report.at("/unreached/0/members")).extracting(JsonNode::asText).containsExactly("lgbti1", "lgbti2");
        assertThat(report.at("/unreached/0/size").asInt()).isEqualTo(2);
        assertThat(report.get("cutVertices").findValuesAsText("id")).contains("broker", "hub");
        assertThat(report.at("/routes/one").asInt()).isEqualTo(2);

        JsonNode resilience = send(http, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"broker\"]}").getBody();
        assertThat(resilience.get("atRiskLostAllPaths")).extracting(JsonNode::asText).containsExactly("land1", "land2");
        assertThat(resilience.at("/after/reachable").asInt()).isLessThan(resilience.at("/before/reachable").asInt());
        assertThat(send(http, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"nobody\"]}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode analystView = as(Role.ANALYST).getForObject("/api/analysis/isolation?groupBy=theme", JsonNode.class);
        assertThat(analystView.toString()).doesNotContain("land1").doesNotContain("Land 1");
    }

    @Test
    void theGraphViewListsTheScope() {
        karate();
        JsonNode view = http.getForObject("/api/analysis/graph", JsonNode.class);
        assertThat(view.get("nodes")).hasSize(34);
        assertThat(view.get("edges")).hasSize(78);
        JsonNode none = http.getForObject("/api/analysis/graph?minTrust=4", JsonNode.class);
        assertThat(none.get("edges")).isEmpty();
        JsonNode audit = http.getForObject("/api/audit?action=ANALYSIS", JsonNode.class);
        assertThat(audit.findValuesAsText("target")).contains("graph");
    }
}
