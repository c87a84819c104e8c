package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Erasure and retention in a real browser: an administrator finds a person on the retention review,
 * opens her page, is told what an erasure removes and keeps, must give a reason, erases her; the
 * result is checked through the API. An officer sees the review but no erase button.
 */
class ErasurePageIT extends WorkspacePageTest {

    private void network() {
        created("/api/import", """
                {"contacts": [
                  {"id": "c-leila", "name": "Leila Farouk", "kind": "DEFENDER", "country": "EG", "channels": ["signal:+20-111"],
                   "notes": "asked to be forgotten", "createdAt": "2019-02-01T00:00:00Z", "updatedAt": "2019-02-01T00:00:00Z"},
                  {"id": "c-omar", "name": "Omar Said", "kind": "JOURNALIST", "country": "JO"},
                  {"id": "c-rana", "name": "Rana Aziz", "kind": "LAWYER", "country": "LB"}
                ],
                "trainings": [{"id": "tr-old", "title": "Documentation", "date": "2019-03-01"}],
                "ties": [
                  {"type": "KNOWS", "from": "c-leila", "to": "c-omar", "trust": 3, "since": "2018-01-01", "lastContact": "2019-05-01"},
                  {"type": "ATTENDED", "from": "c-leila", "to": "tr-old"}
                ],
                "introductions": [{"id": "i-old", "introducer": "c-omar", "introduced": "c-leila", "recipient": "c-rana",
                                   "status": "REQUESTED", "date": "2019-06-01"}]}
                """);
    }

    private void created(String path, String json) {
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, path, json);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getBody()).isTrue();
    }

    @Test
    void anAdministratorReviewsRetentionAndErasesAPersonWithAReason() throws Exception {
        network();
        open("#/retention");
        login("admin", ADMIN_PASSWORD);

        // The review lists her (nothing since 2019), with a human date, and links to her page.
        css("#retention-list tr[data-id='c-leila']");
        assertThat(css("#retention-list tr[data-id='c-leila']").getText()).contains("Leila Farouk", "1 Jun 2019");
        assertThat(all("#retention-list tr[data-id='c-omar']")).isEmpty();
        documentShot("retention-review");
        css("#retention-list tr[data-id='c-leila'] a").click();
        waitFor(d -> !d.findElements(By.cssSelector("#contact-knows tr[data-id='c-omar']")).isEmpty());

        // The confirmation says what goes and what stays, and needs a reason.
        css("#contact-erase").click();
        String confirmation = css("#contact-erase-confirm").getText();
        assertThat(confirmation).contains("Erase Leila Farouk for good?", "1 tie", "1 participation",
                "every backup", "audit log", "introductions that named them");
        css("#contact-erase-confirm-button").click();
        assertThat(css("p.field-error[data-error-for='reason']").getText()).contains("Say why");
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c-leila", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        type(css("#contact-erase-reason"), "Her own request of 2 December, by e-mail to the office");
        documentShot("erasure-confirmation");
        css("#contact-erase-confirm-button").click();

        String done = css("#contact-erased").getText();
        assertThat(done).contains("The person was erased", "1 tie", "1 introduction kept without the person",
                "data key was destroyed").doesNotContain("Leila");
        shot("erasure-done");

        // Through the API: she is gone, the introduction stays with a tombstone, the erasure is audited with the reason.
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c-leila", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode introduction = http.getForObject("/api/introductions/i-old", JsonNode.class);
        assertThat(introduction.get("date").asText()).isEqualTo("2019-06-01");
        assertThat(introduction.get("introduced").asText()).matches("erased-[0-9a-f]{12}");
        JsonNode erasure = http.getForObject("/api/audit?action=ERASURE", JsonNode.class).get(0);
        assertThat(erasure.get("user").asText()).isEqualTo("admin");
        assertThat(erasure.get("target").asText()).isEqualTo(introduction.get("introduced").asText());
        assertThat(erasure.get("detail").asText()).contains("Her own request of 2 December").doesNotContain("Leila");
        assertThat(http.getForObject("/api/audit?size=1000", JsonNode.class).toString()).doesNotContain("c-leila");
        assertNoConsoleErrors();
    }

    @Test
    void anOfficerSeesTheReviewButCannotErase() {
        network();
        as(Role.OFFICER);
        open("#/followups");
        login("test-officer", ROLE_PASSWORD);
        css("#followups-retention").click();
        css("#retention-list tr[data-id='c-leila'] a").click();
        waitFor(d -> !d.findElements(By.cssSelector("#contact-knows tr[data-id='c-omar']")).isEmpty());
        assertThat(all("#contact-erase")).isEmpty();
        assertThat(css("#contact-edit").isDisplayed()).isTrue();
        assertNoConsoleErrors();
    }
}
