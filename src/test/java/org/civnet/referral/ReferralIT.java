package org.civnet.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The do-no-harm rules on a hand-built network. The officer "hro" can reach "target" (Nairobi):
 * <pre>
 *   hro -5- nocon -5- target      2 hops, but nocon has not consented to introduce
 *   hro -5- risky -5- target      2 hops, but risky is at HIGH risk
 *   hro -4- amal -4- bea -4- target     3 hops, everyone consents
 *   hro -2- cat -2- dan -2- target      3 hops, consenting, weaker trust
 * </pre>
 */
class ReferralIT extends IntegrationTest {

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro","name":"Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"nocon","name":"No Consent","country":"KE"},
                  {"id":"risky","name":"Risky Defender","country":"KE","consentToIntroduce":true,"riskLevel":"HIGH"},
                  {"id":"amal","name":"Amal","country":"FR","consentToIntroduce":true},
                  {"id":"bea","name":"Bea","country":"KE","consentToIntroduce":true},
                  {"id":"cat","name":"Cat","country":"FR","consentToIntroduce":true},
                  {"id":"dan","name":"Dan","country":"KE","consentToIntroduce":true},
                  {"id":"target","name":"Target Person","country":"KE","confidential":true},
                  {"id":"far","name":"Far Away","country":"SN"}],
                 "ties":[
                  {"type":"KNOWS","from":"hro","to":"nocon","trust":5,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"nocon","to":"target","trust":5,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"hro","to":"risky","trust":5,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"risky","to":"target","trust":5,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"hro","to":"amal","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"amal","to":"bea","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"bea","to":"target","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"hro","to":"cat","trust":2,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"cat","to":"dan","trust":2,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"dan","to":"target","trust":2,"lastContact":"2026-10-01"}]}
                """).getBody();
        assertThat(report.get("rejected")).isEmpty();
    }

    private JsonNode get(Role role, String query) {
        return as(role).getForObject("/api/referrals?" + query, JsonNode.class);
    }

    private static List<List<String>> paths(JsonNode result) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode path : result.get("paths")) {
            out.add(toList(path.get("nodes")));
        }
        return out;
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void neverThroughSomeoneWhoHasNotConsentedOrIsAtRisk() {
        JsonNode result = get(Role.OFFICER, "from=hro&to=target&k=5");
        List<List<String>> paths = paths(result);
        assertThat(paths).containsExactly(List.of("hro", "amal", "bea", "target"), List.of("hro", "cat", "dan", "target"));
        for (JsonNode path : result.get("paths")) {
            assertThat(path.get("firstAsk").asText()).isIn("amal", "cat");
            assertThat(path.get("hops")).hasSize(3);
            assertThat(path.get("atRiskIntermediaries")).isEmpty();
        }
        JsonNode best = result.at("/paths/0");
        assertThat(best.get("score").asDouble()).isGreaterThan(result.at("/paths/1/score").asDouble());
        assertThat(best.at("/hops/0/via").asText()).isEqualTo("KNOWS");
        assertThat(best.at("/hops/0/trust").asInt()).isEqualTo(4);
        assertThat(best.get("explanation").asText()).startsWith("Ask Amal");
    }

    @Test
    void officersMayAllowAtRiskIntermediariesAndTheyAreMarked() {
        JsonNode result = get(Role.OFFICER, "from=hro&to=target&k=5&allowAtRisk=true");
        assertThat(paths(result).get(0)).containsExactly("hro", "risky", "target");
        assertThat(result.at("/paths/0/atRiskIntermediaries")).extracting(JsonNode::asText).containsExactly("risky");
        assertThat(paths(result)).noneMatch(p -> p.contains("nocon"));
        assertThat(as(Role.ANALYST).getForEntity("/api/referrals?from=hro&to=target&allowAtRisk=true", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(Role.REPORTS).getForEntity("/api/referrals?from=hro&to=target", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void maxHopsExcludeAndTheReasonsForUnreachable() {
        JsonNode tooShort = get(Role.OFFICER, "from=hro&to=target&maxHops=2");
        assertThat(tooShort.get("paths")).isEmpty();
        assertThat(tooShort.at("/unreachable/0/reason").asText()).contains("only through people whose consent to introduce is not current");
        JsonNode excluded = get(Role.OFFICER, "from=hro&to=target&exclude=amal,cat");
        assertThat(excluded.get("paths")).isEmpty();
        assertThat(excluded.at("/unreachable/0/reason").asText()).contains("excluded");
        JsonNode oneHop = get(Role.OFFICER, "from=hro&to=bea&maxHops=1");
        assertThat(oneHop.at("/unreachable/0/reason").asText()).isEqualTo("no path within 1 hops");
        JsonNode far = get(Role.OFFICER, "from=hro&to=far");
        assertThat(far.at("/unreachable/0/reason").asText()).isEqualTo("not connected to you at all");
        assertThat(as(Role.OFFICER).getForEntity("/api/referrals?from=hro&to=target&k=0", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(Role.OFFICER).getForEntity("/api/referrals?from=hro&to=target&maxHops=50", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(Role.OFFICER).getForEntity("/api/referrals?from=ghost&to=target", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void disjointAlternativesShareNoIntermediary() {
        JsonNode result = get(Role.OFFICER, "from=hro&to=target&k=3&disjoint=true");
        List<List<String>> paths = paths(result);
        assertThat(paths).hasSize(2);
        Set<String> seen = new HashSet<>();
        for (List<String> path : paths) {
            for (String middle : path.subList(1, path.size() - 1)) {
                assertThat(seen.add(middle)).as(middle + " appears in two paths").isTrue();
            }
        }
    }

    @Test
    void regionTargetsAreNewContactsWithTheirBestPathsAndCoverageCountsThem() {
        JsonNode result = get(Role.OFFICER, "from=hro&region=AFRICA&k=1");
        List<String> targets = result.get("paths").findValuesAsText("target");
        // nocon and risky are already tied to hro: not "new".
        assertThat(targets).containsExactlyInAnyOrder("bea", "dan", "target");
        assertThat(result.get("unreachable").findValuesAsText("id")).contains("far");

        JsonNode coverage = as(Role.OFFICER).getForObject("/api/referrals/coverage?from=hro&region=AFRICA&maxHops=3", JsonNode.class);
        assertThat(coverage.get("targets").asInt()).isEqualTo(6);
        assertThat(coverage.at("/reachableWithin/1").asInt()).isEqualTo(2);
        assertThat(coverage.at("/reachableWithin/2").asInt()).isEqualTo(4);
        assertThat(coverage.at("/reachableWithin/3").asInt()).isEqualTo(5);
        assertThat(coverage.get("firstAsks").findValuesAsText("id")).containsAnyOf("amal", "cat").doesNotContain("nocon", "risky");
        assertThat(coverage.get("unreachable").findValuesAsText("id")).containsExactly("far");
    }

    @Test
    void analystsSeePseudonymsAndEveryQueryIsAudited() {
        // Issue 15: a protected person's id answers an analyst exactly as an unknown id does (it returned
        // the person's pseudonym as "to", confirming who it was); the person appears as a pseudonym in paths.
        var guessed = as(Role.ANALYST).getForEntity("/api/referrals?from=hro&to=target", String.class);
        var unknown = as(Role.ANALYST).getForEntity("/api/referrals?from=hro&to=nobody", String.class);
        assertThat(guessed.getStatusCode().value()).isEqualTo(404);
        assertThat(guessed.getBody().replace("target", "ID")).isEqualTo(unknown.getBody().replace("nobody", "ID"));
        JsonNode result = get(Role.ANALYST, "from=hro&region=AFRICA");
        assertThat(result.toString()).doesNotContain(":\"target\"").doesNotContain("Target Person").contains("anon-");
        get(Role.OFFICER, "from=hro&region=AFRICA");
        JsonNode audit = http.getForObject("/api/audit?action=REFERRAL_QUERY", JsonNode.class);
        assertThat(audit.findValuesAsText("user")).contains("test-analyst", "test-officer");
        assertThat(audit.findValuesAsText("target")).contains("target", "region=AFRICA");
    }

    @Test
    void aMadeIntroductionStrengthensTheGraphAndChangesThePaths() {
        JsonNode before = get(Role.OFFICER, "from=hro&to=bea");
        assertThat(paths(before).get(0)).containsExactly("hro", "amal", "bea");
        send(as(Role.OFFICER), HttpMethod.POST, "/api/introductions",
                "{\"id\":\"intro-1\",\"introducer\":\"amal\",\"introduced\":\"bea\",\"recipient\":\"hro\"}");
        send(as(Role.OFFICER), HttpMethod.PUT, "/api/introductions/intro-1",
                "{\"introducer\":\"amal\",\"introduced\":\"bea\",\"recipient\":\"hro\",\"status\":\"MADE\",\"date\":\"2026-11-01\"}");
        JsonNode after = get(Role.OFFICER, "from=hro&to=bea");
        assertThat(paths(after).get(0)).containsExactly("hro", "bea");
        assertThat(after.at("/paths/0/firstAsk").isTextual()).as("no one to ask: already known").isFalse();
        assertThat(after.at("/paths/0/explanation").asText()).startsWith("You already know");
    }
}
