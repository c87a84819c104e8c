package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Issue 19, consent in the page: an officer finds introducers to a person and sees the intermediary's
 * consent to introduce on the path (given and until), opens the intermediary's page and reads the
 * consent per purpose in words, records a consent to be introduced and withdraws the consent to
 * introduce in the contact form; the API then holds both records (withdrawn today, recorded by her)
 * and referral no longer goes through the intermediary. Follow-ups list the consents lapsing soon.
 */
class ConsentPageIT extends WorkspacePageTest {

    /** A date as the page shows it (labels.js formatDate: the browser's en-GB short month, "Sept" included). */
    private String shown(LocalDate date) {
        return (String) script("return new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', year: 'numeric',"
                + " timeZone: 'UTC'}).format(new Date(arguments[0] + 'T00:00:00Z'))", date.toString());
    }

    @Test
    void officerSeesConsentOnAPathAndOnTheContactsPageAndWithdrawsIt() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate until = today.plusDays(300);
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro","name":"Hana Officer","kind":"UN_STAFF","country":"CH"},
                  {"id":"amal","name":"Amal Haddad","country":"JO",
                   "consent":{"introduce":{"given":"2025-03-01","until":"%s","method":"WRITTEN","recordedBy":"admin"}}},
                  {"id":"target","name":"Tarek Mansour","country":"LB",
                   "consent":{"beIntroduced":{"given":"2025-05-01"}}},
                  {"id":"soon","name":"Samira Lapsing","country":"EG",
                   "consent":{"nameToMandate":{"given":"2024-01-10","until":"%s","method":"IN_PERSON"}}}],
                 "ties":[
                  {"type":"KNOWS","from":"hro","to":"amal","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"amal","to":"target","trust":4,"lastContact":"2026-10-01"}]}
                """.formatted(until, today.plusDays(12))).getBody();
        assertThat(report.get("rejected")).isEmpty();
        TestRestTemplate officer = as(Role.OFFICER);
        send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":\"hro\"}");

        // 1. From the target's page, "Find introducers to this person": the path shows Amal's consent.
        open("#/contacts/target");
        login("test-officer", ROLE_PASSWORD);
        css("#contact-find").click();
        css("#find-results li.referral-path");
        String onPath = css("#find-results .consent[data-consent='amal']").getText();
        assertThat(onPath).isEqualTo("agreed to introduce: 1 Mar 2025 – " + shown(until));
        documentShot("consent-on-path");

        // 2. Amal's page: consent per purpose, in words.
        css("#find-results li.hop[data-id='amal'] a.name").click();
        css("#contact-consent tr[data-purpose='introduce']");
        String row = css("#contact-consent tr[data-purpose='introduce']").getText();
        assertThat(row).contains("Introduce others", "Current", "1 Mar 2025", shown(until), "Written", "admin");
        assertThat(all("#contact-consent tr[data-purpose='beIntroduced']")).isEmpty();

        // 3. The form: record a consent to be introduced (given today, in person), withdraw the other.
        css("#contact-consent-edit").click();
        css("#contact-consent-fields");
        css("#contact-consent-beIntroduced-recorded").click();
        new Select(css("#contact-consent-beIntroduced-method")).selectByValue("IN_PERSON");
        css("#contact-consent-introduce-withdraw").click();
        assertThat(all("#contact-consent-introduce-withdraw")).isEmpty();
        script("document.querySelector('#contact-consent-fields').scrollIntoView()");
        documentShot("consent-form");
        css("#contact-form button[type='submit']").click();
        waitFor(d -> !d.findElements(By.cssSelector("#contact-consent tr[data-purpose='beIntroduced']")).isEmpty());
        assertThat(css("#contact-consent tr[data-purpose='introduce']").getText()).contains("Withdrawn", shown(today));
        assertThat(css("#contact-consent tr[data-purpose='beIntroduced']").getText())
                .contains("Be introduced", "Current", shown(today), "In person", "test-officer", "no end date");
        script("document.querySelector('#contact-consent').scrollIntoView()");
        documentShot("consent-contact-page");

        // 4. Through the API: both records, and referral no longer goes through Amal.
        JsonNode amal = officer.getForObject("/api/contacts/amal", JsonNode.class);
        assertThat(amal.at("/consent/introduce/withdrawn").asText()).isEqualTo(today.toString());
        assertThat(amal.at("/consent/introduce/given").asText()).isEqualTo("2025-03-01");
        assertThat(amal.at("/consent/beIntroduced/given").asText()).isEqualTo(today.toString());
        assertThat(amal.at("/consent/beIntroduced/method").asText()).isEqualTo("IN_PERSON");
        assertThat(amal.at("/consent/beIntroduced/recordedBy").asText()).isEqualTo("test-officer");
        assertThat(amal.get("consentToIntroduce").asBoolean()).isFalse();
        assertThat(officer.getForObject("/api/referrals?from=hro&to=target", JsonNode.class).get("paths")).isEmpty();

        // 5. Follow-ups: the consent that lapses in 12 days.
        goTo("followups", By.cssSelector("#followups-consents table"));
        String lapsing = css("#followups-consents tr[data-contact='soon']").getText();
        assertThat(lapsing).contains("Samira Lapsing", "Be named to a mandate", shown(today.plusDays(12)), "In person");
        JsonNode listed = officer.getForObject("/api/followups/consents", JsonNode.class);
        assertThat(all("#followups-consents tbody tr")).hasSize(listed.size());
        script("document.querySelector('#followups-consents').scrollIntoView()");
        documentShot("consent-followups");
        assertNoConsoleErrors();
    }
}
