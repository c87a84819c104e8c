package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.AuditLog;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator's Audit view: verifying the chain shows its head, then the first broken link. */
class AuditPageIT extends WorkspacePageTest {

    @Autowired
    AuditLog audit;

    @Test
    void anAdministratorVerifiesTheAuditLogAndSeesTheFirstBrokenLink() throws Exception {
        for (int i = 1; i <= 6; i++) {
            audit.recordAs("test-officer", AuditLog.Action.ANALYSIS, "betweenness " + i, "whole network");
        }
        open("#/map");
        login("admin", ADMIN_PASSWORD);
        goTo("audit", By.id("audit-verify"));
        waitFor(d -> d.findElements(By.cssSelector(".audit-entries tbody tr")).size() >= 6);
        css("#audit-verify").click();
        waitFor(d -> !d.findElements(By.cssSelector("#audit-result[data-valid='true']")).isEmpty());
        JsonNode verified = http.getForObject("/api/audit/verify", JsonNode.class);
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(css("#audit-head-hash").getText()).isEqualTo(verified.get("headHash").asText());
        assertThat(css("#audit-head-seq").getText()).isEqualTo(verified.get("headSeq").asText());
        assertThat(css("#audit-result").getText()).contains("intact").contains(verified.get("entries").asText() + " entries");
        documentShot("audit");

        // Someone with access to the store removes an entry: the next verification names it.
        long removed = verified.get("headSeq").asLong() - 2;
        try (Session session = driver.session()) {
            session.run("MATCH (a:AuditEntry {seq: $seq}) DETACH DELETE a", Map.of("seq", removed)).consume();
        }
        css("#audit-verify").click();
        waitFor(d -> !d.findElements(By.cssSelector("#audit-result[data-valid='false']")).isEmpty());
        JsonNode broken = http.getForObject("/api/audit/verify", JsonNode.class).get("broken");
        assertThat(broken.get("problem").asText()).isEqualTo("MISSING_ENTRY");
        assertThat(broken.get("seq").asLong()).isEqualTo(removed);
        assertThat(css("#audit-problem").getText()).isEqualTo("Entries are missing");
        assertThat(css("#audit-broken-seq").getText()).isEqualTo(Long.toString(removed));
        shot("audit-broken");
        assertNoConsoleErrors();
    }

    @Test
    void onlyAnAdministratorHasTheAuditView() {
        as(Role.OFFICER);
        open("#/map");
        login("test-officer", ROLE_PASSWORD);
        assertThat(css("#nav a[data-view='audit']").isDisplayed()).isFalse();
        assertNoConsoleErrors();
    }
}
