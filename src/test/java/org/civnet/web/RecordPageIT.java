package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * "Record what happened" in a real Chromium, as an OFFICER, through the page only: a contact (a
 * refused first try keeps what she typed and shows the server's reason by the field), an
 * organisation with two people affiliated, a tie, a country visit with two people already known and
 * one added inline, a communication with a source, a training with participants (one tie refused:
 * the training is not created twice), then the follow-up lists marked one by one and in bulk. Every
 * result is checked through the API. Screenshots: target/workspace/ and docs/screenshots/.
 */
class RecordPageIT extends WorkspacePageTest {

    /** A contact's page is another view (contact.js); navigating there is all these forms do. */
    /** A name is data: it must render as these characters, never as an element. */
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static final String CONTACT_PAGE = "/app/views/contact.js";

    private void network() {
        post("/api/mandates", "{\"id\":\"m-hrd\",\"title\":\"Special Rapporteur on human rights defenders\","
                + "\"kind\":\"THEMATIC\",\"holderType\":\"SPECIAL_RAPPORTEUR\",\"themes\":[\"HUMAN_RIGHTS_DEFENDERS\"]}");
        post("/api/contacts", "{\"id\":\"c-amal\",\"name\":\"Amal Haddad\",\"kind\":\"DEFENDER\",\"country\":\"EG\",\"consentToIntroduce\":true}");
        post("/api/contacts", "{\"id\":\"c-omar\",\"name\":\"Omar Farouk\",\"kind\":\"LAWYER\",\"country\":\"EG\",\"consentToIntroduce\":true}");
        post("/api/contacts", "{\"id\":\"c-lina\",\"name\":\"Lina Saleh\",\"kind\":\"JOURNALIST\",\"country\":\"JO\"}");
        post("/api/contacts", "{\"id\":\"c-yusuf\",\"name\":\"Yusuf Nasser\",\"kind\":\"DEFENDER\",\"country\":\"EG\"}");
        post("/api/contacts", "{\"id\":\"c-xss\",\"name\":\"" + HOSTILE + "\",\"country\":\"EG\"}");
        post("/api/contacts", "{\"id\":\"c-gone\",\"name\":\"Ghada Gone\",\"kind\":\"OTHER\",\"country\":\"EG\"}");
    }

    private void post(String path, String json) {
        assertThat(send(http, HttpMethod.POST, path, json).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anOfficerRecordsWhatHappenedAndMarksTheFollowUps() throws Exception {
        network();
        as(Role.OFFICER);
        open("#/record");
        login("test-officer", ROLE_PASSWORD);
        css("#record-contact");

        // --- A contact: the first try without a country is refused by the server.
        css("#record-contact").click();
        WebElement name = css("#contact-name");
        type(name, "Nadia Karim");
        new Select(css("#contact-kind")).selectByVisibleText("Journalist");
        type(css("#contact-new-theme"), "Press freedom");
        css(".add-theme-button").click();
        type(css("#contact-new-channels"), "Signal +20 100 000 0000");
        css("#contact-new-channels").sendKeys(Keys.ENTER);
        css("#contact-form button[type=submit]").click();
        WebElement countryError = css("#contact-form p.field-error[data-error-for='country']");
        assertThat(countryError.getText()).isNotBlank();
        assertThat(css("#contact-name").getAttribute("value")).isEqualTo("Nadia Karim");
        assertThat(new Select(css("#contact-kind")).getFirstSelectedOption().getText()).isEqualTo("Journalist");
        assertThat(css("#contact-channels").getText()).contains("Signal +20 100 000 0000");
        documentShot("contact-form-errors");

        new Select(css("#contact-country")).selectByVisibleText("Egypt");
        css("#contact-consent-introduce-recorded").click(); // agreed to introduce others, given today
        css("#contact-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().matches(".*#/contacts/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
        String nadia = idAfter("#/contacts/");
        JsonNode contact = http.getForObject("/api/contacts/" + nadia, JsonNode.class);
        assertThat(contact.get("name").asText()).isEqualTo("Nadia Karim");
        assertThat(contact.get("kind").asText()).isEqualTo("JOURNALIST");
        assertThat(contact.get("country").asText()).isEqualTo("EG");
        assertThat(contact.get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(texts(contact.get("themes"))).containsExactly("PRESS_FREEDOM");
        assertThat(texts(contact.get("channels"))).containsExactly("Signal +20 100 000 0000");

        // Editing sends only what changed; leaving with unsaved changes asks first.
        navigateTo("#/contacts/" + nadia + "/edit");
        type(css("#contact-notes"), "Met in Cairo; prefers Signal.");
        driver().findElement(By.cssSelector("#nav a[data-view='followups']")).click();
        // The click returns before the hashchange handler asks: wait for the question to appear.
        Alert leave = new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertThat(leave.getText()).contains("unsaved changes");
        leave.dismiss();
        // The address already says #/followups; the handler puts /edit back once the dialog returns.
        waitFor(d -> d.getCurrentUrl().endsWith("/edit"));
        assertThat(css("#contact-notes").getAttribute("value")).isEqualTo("Met in Cairo; prefers Signal.");
        assertThat(css("#contact-name").getAttribute("value")).isEqualTo("Nadia Karim");
        css("#contact-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().endsWith("#/contacts/" + nadia));
        contact = http.getForObject("/api/contacts/" + nadia, JsonNode.class);
        assertThat(contact.get("notes").asText()).isEqualTo("Met in Cairo; prefers Signal.");
        assertThat(texts(contact.get("channels"))).containsExactly("Signal +20 100 000 0000");
        assertThat(contact.get("kind").asText()).isEqualTo("JOURNALIST");

        // --- An organisation with two people affiliated (one with a role).
        goTo("record", By.id("record-organisation"));
        css("#record-organisation").click();
        type(css("#organisation-name"), "Sinai Legal Aid");
        new Select(css("#organisation-type")).selectByVisibleText("NGO national");
        new Select(css("#organisation-country")).selectByVisibleText("Egypt");
        pick("#organisation-form fieldset.participants", "Amal", "c-amal");
        pick("#organisation-form fieldset.participants", "Omar", "c-omar");
        type(css("#organisation-form .participant-list li[data-id='c-amal'] label.role input"), "Director");
        css("#organisation-form button[type=submit]").click();
        waitFor(d -> d.getCurrentUrl().matches(".*#/organisations/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
        String organisation = idAfter("#/organisations/");
        JsonNode org = http.getForObject("/api/organisations/" + organisation, JsonNode.class);
        assertThat(org.get("type").asText()).isEqualTo("NGO_NATIONAL");
        List<JsonNode> affiliations = ties(organisation, "AFFILIATED_WITH");
        assertThat(affiliations).extracting(t -> t.get("from").asText()).containsExactlyInAnyOrder("c-amal", "c-omar");
        assertThat(affiliations).filteredOn(t -> t.get("from").asText().equals("c-amal"))
                .extracting(t -> t.path("role").asText()).containsExactly("Director");

        // --- A tie: Lina knows Yusuf, trust 4.
        goTo("record", By.id("record-tie"));
        css("#record-tie").click();
        assertThat(pickerMatch("#tie-from", "<img", "c-xss").findElement(By.cssSelector(".name")).getText()).isEqualTo(HOSTILE);
        assertThat(all("#tie-from .picker-results img")).isEmpty();
        pick("#tie-from", "Lina", "c-lina");
        pick("#tie-to", "Yusuf", "c-yusuf");
        new Select(css("#tie-trust")).selectByValue("4");
        typeDate(css("#tie-lastContact"), LocalDate.of(2025, 3, 14));
        css("#tie-form button[type=submit]").click();
        assertThat(css("#tie-result").getText()).contains("Lina Saleh").contains("Yusuf Nasser");
        JsonNode knows = ties("c-lina", "KNOWS").get(0);
        assertThat(List.of(knows.get("from").asText(), knows.get("to").asText())).containsExactlyInAnyOrder("c-lina", "c-yusuf");
        assertThat(knows.get("trust").asInt()).isEqualTo(4);
        assertThat(knows.get("lastContact").asText()).isEqualTo("2025-03-14");

        // --- A country visit: two people already known, one new person added without leaving the form.
        goTo("record", By.id("record-visit"));
        css("#record-visit").click();
        pickFrom("#visit-mandate", "defenders", "m-hrd");
        new Select(css("#visit-country")).selectByVisibleText("Egypt");
        typeDate(css("#visit-startDate"), LocalDate.of(2025, 4, 2));
        typeDate(css("#visit-endDate"), LocalDate.of(2025, 4, 11));
        pick("#visit-form fieldset.participants", "Amal", "c-amal");
        pick("#visit-form fieldset.participants", "Yusuf", "c-yusuf");
        css("#new-person-toggle").click();
        type(css("#new-person-name"), "Hana Mostafa");
        css("#new-person-add").click();
        // The sub-form's own error, next to its own field; the name typed stays.
        assertThat(css("#new-person p.field-error[data-error-for='country']").getText()).isNotBlank();
        assertThat(css("#new-person-name").getAttribute("value")).isEqualTo("Hana Mostafa");
        new Select(css("#new-person-kind")).selectByVisibleText("Victim");
        new Select(css("#new-person-country")).selectByVisibleText("Egypt");
        css("#new-person-add").click();
        waitFor(d -> d.findElements(By.cssSelector("#visit-form .participant-list li")).size() == 3);
        assertThat(css("#visit-form .participant-list").getText()).contains("Hana Mostafa");
        script("document.getElementById('visit-form-title').scrollIntoView()");
        documentShot("record-visit");
        css("#visit-form button[type=submit]").click();
        assertThat(css("#visit-saved").getText()).contains("3 people met");
        String visit = idAfter("#/visits/").replace("/edit", "");
        assertThat(driver().getCurrentUrl()).endsWith("#/visits/" + visit + "/edit");
        JsonNode visits = http.getForObject("/api/country-visits", JsonNode.class);
        assertThat(visits.get("total").asInt()).isEqualTo(1);
        JsonNode stored = visits.get("items").get(0);
        assertThat(stored.get("mandate").asText()).isEqualTo("m-hrd");
        assertThat(stored.get("country").asText()).isEqualTo("EG");
        assertThat(stored.get("startDate").asText()).isEqualTo("2025-04-02");
        assertThat(stored.get("endDate").asText()).isEqualTo("2025-04-11");
        String hana = http.getForObject("/api/contacts?q=Hana Mostafa", JsonNode.class).get("items").get(0).get("id").asText();
        assertThat(http.getForObject("/api/contacts/" + hana, JsonNode.class).get("kind").asText()).isEqualTo("VICTIM");
        JsonNode met = http.getForObject("/api/activities/" + visit + "/participants", JsonNode.class);
        assertThat(met).hasSize(3);
        assertThat(met).allMatch(p -> p.get("tie").asText().equals("MET_DURING"));
        assertThat(met).extracting(p -> p.get("id").asText()).containsExactlyInAnyOrder("c-amal", "c-yusuf", hana);

        // --- A communication with a source.
        goTo("record", By.id("record-communication"));
        css("#record-communication").click();
        new Select(css("#communication-type")).selectByVisibleText("Urgent appeal");
        typeDate(css("#communication-date"), LocalDate.of(2025, 5, 6));
        new Select(css("#communication-country")).selectByVisibleText("Egypt");
        pickFrom("#communication-mandates", "defenders", "m-hrd");
        type(css("#communication-summary"), "Arrest of a defender after the visit.");
        pick("#communication-form fieldset.participants", "Lina", "c-lina");
        css("#communication-form button[type=submit]").click();
        assertThat(css("#communication-saved").getText()).contains("1 source");
        String communication = idAfter("#/communications/").replace("/edit", "");
        JsonNode letter = http.getForObject("/api/communications/" + communication, JsonNode.class);
        assertThat(letter.get("type").asText()).isEqualTo("URGENT_APPEAL");
        assertThat(texts(letter.get("mandates"))).containsExactly("m-hrd");
        assertThat(letter.get("summary").asText()).isEqualTo("Arrest of a defender after the visit.");
        JsonNode sources = http.getForObject("/api/activities/" + communication + "/participants", JsonNode.class);
        assertThat(sources).extracting(p -> p.get("id").asText() + " " + p.get("tie").asText()).containsExactly("c-lina SOURCE_OF");

        // --- A training: one participant is deleted by someone else before she saves. The training is
        // saved, that row says why, the form now edits the saved training; saving again does not create
        // a second one.
        goTo("record", By.id("record-training"));
        css("#record-training").click();
        type(css("#training-title"), "Digital security for defenders");
        typeDate(css("#training-date"), LocalDate.of(2025, 6, 10));
        type(css("#training-place"), "Amman");
        pick("#training-form fieldset.participants", "Lina", "c-lina");
        pick("#training-form fieldset.participants", "Omar", "c-omar");
        pick("#training-form fieldset.participants", "Ghada", "c-gone");
        assertThat(send(http, HttpMethod.DELETE, "/api/contacts/c-gone", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        css("#training-form button[type=submit]").click();
        WebElement refused = css("#training-form .participant-list li[data-id='c-gone'] .row-error");
        assertThat(refused.getText()).contains("c-gone");
        waitFor(d -> d.getCurrentUrl().matches(".*#/trainings/[^/]+/edit$"));
        assertThat(css("#training-title").getAttribute("value")).isEqualTo("Digital security for defenders");
        css("#training-form .participant-list li[data-id='c-gone'] button.remove").click();
        css("#training-form button[type=submit]").click();
        assertThat(css("#training-saved").getText()).contains("2 participants");
        JsonNode trainings = http.getForObject("/api/trainings", JsonNode.class);
        assertThat(trainings.get("total").asInt()).isEqualTo(1);
        String training = trainings.get("items").get(0).get("id").asText();
        assertThat(http.getForObject("/api/activities/" + training + "/participants", JsonNode.class))
                .extracting(p -> p.get("id").asText() + " " + p.get("tie").asText())
                .containsExactlyInAnyOrder("c-lina ATTENDED", "c-omar ATTENDED");

        // --- Follow-ups: one visit report marked with one click, the others in bulk; the source informed.
        goTo("followups", By.cssSelector("#followups-visits tr[data-activity='" + visit + "']"));
        waitFor(d -> d.findElements(By.cssSelector("#followups-visits tbody tr")).size() == 3);
        css("#followups-communications tr[data-participant='c-lina'] .select-row").click();
        documentShot("follow-ups");
        css("#followups-visits tr[data-participant='c-amal'] button.mark").click();
        waitFor(d -> d.findElements(By.cssSelector("#followups-visits tr[data-participant='c-amal']")).isEmpty());
        assertThat(all("#followups-visits tbody tr")).hasSize(2);
        assertThat(participant(visit, "c-amal").get("followUp").asText()).isEqualTo("REPORT_SENT");
        assertThat(participant(visit, "c-yusuf").path("followUp").asText()).isNotEqualTo("REPORT_SENT");

        css("#followups-visits .select-all").click();
        waitFor(d -> css("#followups-visits .bulk-mark").getText().contains("(2)"));
        css("#followups-visits .bulk-mark").click();
        css("#followups-visits p.empty");
        css("#followups-communications .bulk-mark").click();
        css("#followups-communications p.empty");
        assertThat(http.getForObject("/api/activities/" + visit + "/participants", JsonNode.class))
                .allMatch(p -> p.get("followUp").asText().equals("REPORT_SENT"));
        assertThat(participant(communication, "c-lina").get("followUp").asText()).isEqualTo("INFORMED");
        assertThat(http.getForObject("/api/followups/visit-reports", JsonNode.class)).isEmpty();
        assertThat(http.getForObject("/api/followups/communications", JsonNode.class)).isEmpty();

        assertNoConsoleErrors(
                // the deliberate refusals: a contact without a country (form and inline sub-form), a tie to a deleted contact
                "/api/contacts - Failed to load resource: the server responded with a status of 400",
                "/api/ties - Failed to load resource: the server responded with a status of 404",
                CONTACT_PAGE);
    }

    @Test
    void anAnalystSeesNoRecordingForms() {
        as(Role.ANALYST);
        open("#/visits/new");
        login("test-analyst", ROLE_PASSWORD);
        assertThat(css("#read-only").getText()).contains("read");
        assertThat(all("#visit-form")).isEmpty();
        // The visit form's own #read-only stays until the router replaces the view: wait for the follow-ups'.
        navigateTo("#/followups");
        assertThat(css("#read-only-title").getText()).isEqualTo("Follow-ups");
        assertThat(css("#read-only").isDisplayed()).isTrue();
        assertThat(all("#nav a[data-view='record']")).allMatch(a -> !a.isDisplayed());
        assertNoConsoleErrors();
    }

    /** Types a name into the picker inside {@code scope} and picks the match with that id. */
    private void pick(String scope, String text, String id) {
        pickFrom(scope, text, id);
        waitFor(d -> !d.findElements(By.cssSelector(scope + " .participant-list li[data-id='" + id + "'], "
                + scope + " .name")).isEmpty());
    }

    /** Types a date into a date input in the browser's own order of day, month and year. */
    private void typeDate(WebElement field, LocalDate date) {
        String order = (String) script("return new Intl.DateTimeFormat().formatToParts(new Date(2001, 10, 22))"
                + ".filter(p => p.type !== 'literal').map(p => p.type[0]).join('')");
        StringBuilder keys = new StringBuilder();
        for (char part : order.toCharArray()) {
            keys.append(switch (part) {
                case 'd' -> String.format("%02d", date.getDayOfMonth());
                case 'm' -> String.format("%02d", date.getMonthValue());
                default -> String.format("%04d", date.getYear());
            });
        }
        field.click();
        field.sendKeys(keys.toString());
        waitFor(d -> date.toString().equals(field.getAttribute("value")));
    }

    private String idAfter(String prefix) {
        String url = driver().getCurrentUrl();
        return url.substring(url.indexOf(prefix) + prefix.length());
    }

    private List<JsonNode> ties(String node, String type) {
        List<JsonNode> out = new ArrayList<>();
        http.getForObject("/api/ties?node=" + node, JsonNode.class).forEach(t -> {
            if (t.get("type").asText().equals(type)) {
                out.add(t);
            }
        });
        return out;
    }

    private JsonNode participant(String activity, String id) {
        for (JsonNode p : http.getForObject("/api/activities/" + activity + "/participants", JsonNode.class)) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError(id + " did not take part in " + activity);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
