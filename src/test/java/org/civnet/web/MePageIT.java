package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** "Me" in the page: an unlinked officer starts there; an ADMIN links a colleague to the contact that is her. */
class MePageIT extends WorkspacePageTest {

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"hro-2","name":"Hana Second","kind":"UN_STAFF","country":"CH"},
                             {"id":"hro-3","name":"Hana Third","kind":"UN_STAFF","country":"FR"}]}""").getBody();
        assertThat(report.get("rejected")).isEmpty();
    }

    @Test
    void anUnlinkedOfficerStartsOnMeAndAnAdministratorLinksHer() {
        TestRestTemplate officer = as(Role.OFFICER);
        send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":null}");

        open("");
        login("test-officer", ROLE_PASSWORD);
        waitFor(d -> d.getCurrentUrl().endsWith("#/me"));
        css("#me-current.attention");
        assertThat(css("#session-me").getText()).isEqualTo("Link yourself");
        assertThat(driver().findElements(By.id("me-colleague"))).isEmpty();

        open("#/me");
        login("admin", ADMIN_PASSWORD);
        new Select(css("#me-colleague-user")).selectByValue("test-officer");
        // "Hana" finds Hana Second too: click only in the answer to all of "Hana Th".
        pickFrom("#me-colleague", "Hana Th", "hro-3");
        css("#me-colleague-link").click();
        waitFor(d -> d.findElement(By.cssSelector("#me-colleague .notice")).getText().contains("now linked"));
        assertThat(officer.getForObject("/api/me", JsonNode.class).get("contact").asText()).isEqualTo("hro-3");
        assertThat(http.getForObject("/api/audit?action=USER_LINKED", JsonNode.class).toString()).contains("hro-3");
        assertNoConsoleErrors();
    }
}
