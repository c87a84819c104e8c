package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** "Me": an account linked to the contact that is that officer; referrals start from her by default. */
class MeIT extends IntegrationTest {

    @BeforeEach
    void network() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"amira","name":"Amira Haddad","country":"JO","consentToIntroduce":true},
                  {"id":"laila","name":"Laila Nassar","country":"LB","consentToIntroduce":true}],
                 "organisations":[{"id":"o-1","name":"Open League","country":"LB"}],
                 "ties":[{"type":"KNOWS","from":"hro-1","to":"amira","trust":4},
                         {"type":"KNOWS","from":"amira","to":"laila","trust":3}]}""");
        send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":null}");
    }

    @Test
    void anOfficerLinksHerselfAndHerReferralsStartFromHer() {
        var officer = as(Role.OFFICER);
        assertThat(officer.getForObject("/api/me", JsonNode.class).has("contact")).isFalse();
        assertThat(badRequestFields(officer.exchange("/api/referrals?region=ARAB_REGION", HttpMethod.GET, null, JsonNode.class)))
                .contains("from");

        assertThat(send(officer, HttpMethod.PUT, "/api/me/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(officer.getForObject("/api/me", JsonNode.class).get("contact").asText()).isEqualTo("hro-1");

        JsonNode fromMe = officer.getForObject("/api/referrals?to=laila", JsonNode.class);
        JsonNode explicit = officer.getForObject("/api/referrals?from=hro-1&to=laila", JsonNode.class);
        assertThat(fromMe.get("paths")).isEqualTo(explicit.get("paths"));
        assertThat(fromMe.get("paths").get(0).toString()).contains("amira");
        assertThat(http.getForObject("/api/audit?action=USER_LINKED", JsonNode.class).toString()).contains("hro-1");

        // Her contact deleted: she is unlinked (the page asks who she is again), not linked to nobody.
        http.delete("/api/contacts/hro-1");
        assertThat(officer.getForObject("/api/me", JsonNode.class).has("contact")).isFalse();
        assertThat(badRequestFields(officer.exchange("/api/referrals?to=laila", HttpMethod.GET, null, JsonNode.class)))
                .contains("from");
    }

    @Test
    void onlyAContactCanBeMeAndOnlyAnAdminLinksSomeoneElse() {
        var officer = as(Role.OFFICER);
        assertThat(send(officer, HttpMethod.PUT, "/api/me/contact", "{\"contact\":\"nobody\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badRequestFields(send(officer, HttpMethod.PUT, "/api/me/contact", "{\"contact\":\"o-1\"}"))).contains("contact");
        assertThat(send(as(Role.ANALYST), HttpMethod.PUT, "/api/me/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(officer, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(officer.getForObject("/api/me", JsonNode.class).get("contact").asText()).isEqualTo("hro-1");
        assertThat(send(http, HttpMethod.PUT, "/api/users/nobody/contact", "{\"contact\":\"hro-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
