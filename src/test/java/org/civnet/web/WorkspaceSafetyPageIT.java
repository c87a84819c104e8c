package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Names are data, in every view: hostile names (markup, right-to-left overrides, the longest name
 * allowed and a 1,000-character note) render as text, run no script and push no view wider than
 * 1280 px. And an analyst, who sees pseudonyms, works from a pseudonym (its page, a referral from
 * it in Find introducers and on the map) without one confidential field reaching the page.
 */
class WorkspaceSafetyPageIT extends WorkspacePageTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT = "\"><script>window.__xss=1</script>";
    private static final String RTL = "\u202Eevil\u202C Rania";
    private static final String LONG = "Long" + "n".repeat(296);
    private static final String NOTE = ("<b onmouseover=alert(2)>note</b> " + "x".repeat(60) + " ").repeat(11).substring(0, 1000);
    private static final List<String> SECRETS = List.of("zyxwa", "qorvath", "hidden.example", "c-secret");

    @BeforeEach
    void network() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree("""
                {"contacts":[
                  {"id":"me-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"c-x","name":"X","kind":"DEFENDER","country":"JO","consentToIntroduce":true,"themes":["WOMENS_RIGHTS"]},
                  {"id":"c-rtl","name":"R","country":"LB","consentToIntroduce":true},
                  {"id":"c-long","name":"L","country":"EG","consentToIntroduce":true},
                  {"id":"c-secret","name":"Zyxwa Qorvath","country":"LY","confidential":true,"consentToIntroduce":true,
                   "channels":["zyxwa.qorvath@hidden.example"],"notes":"reach Zyxwa Qorvath via zyxwa.qorvath@hidden.example"},
                  {"id":"c-t1","name":"Target Person","kind":"JOURNALIST","country":"EG","consentToIntroduce":true}],
                 "organisations":[{"id":"o-1","name":"S","country":"JO"}],
                 "mandates":[{"id":"m-1","title":"Special Rapporteur on defenders","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "countryVisits":[{"id":"v-1","mandate":"m-1","country":"JO","startDate":"2026-03-01","endDate":"2026-03-05"}],
                 "ties":[
                  {"type":"KNOWS","from":"me-1","to":"c-x","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"c-x","to":"c-rtl","trust":4,"lastContact":"2026-09-01"},
                  {"type":"KNOWS","from":"c-rtl","to":"c-t1","trust":3},
                  {"type":"KNOWS","from":"c-x","to":"c-secret","trust":5},
                  {"type":"KNOWS","from":"c-secret","to":"c-t1","trust":5},
                  {"type":"KNOWS","from":"c-long","to":"me-1","trust":2},
                  {"type":"AFFILIATED_WITH","from":"c-x","to":"o-1"},
                  {"type":"AFFILIATED_WITH","from":"c-secret","to":"o-1"},
                  {"type":"MET_DURING","from":"c-x","to":"v-1","followUp":"NOT_SENT"},
                  {"type":"MET_DURING","from":"c-rtl","to":"v-1"}],
                 "introductions":[{"id":"i-1","introducer":"c-x","introduced":"c-rtl","recipient":"me-1",
                   "status":"REQUESTED","date":"2026-10-02","note":"N"}]}
                """);
        ((ObjectNode) document.get("contacts").get(1)).put("name", XSS);
        ((ObjectNode) document.get("contacts").get(2)).put("name", RTL);
        ((ObjectNode) document.get("contacts").get(3)).put("name", LONG);
        ((ObjectNode) document.get("organisations").get(0)).put("name", SCRIPT);
        ((ObjectNode) document.get("introductions").get(0)).put("note", NOTE);
        JsonNode report = send(http, HttpMethod.POST, "/api/import", document.toString()).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    @Test
    void hostileNamesRenderAsTextInEveryView() {
        as(Role.OFFICER);
        assertThat(send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":\"me-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        open("#/introductions");
        login("test-officer", ROLE_PASSWORD);

        visit("#/introductions", "#intro-list", XSS, RTL.strip(), NOTE.substring(0, 40));
        visit("#/contacts/c-x", ".view h2", XSS, SCRIPT);
        visit("#/contacts/c-rtl", ".view h2", RTL.strip(), XSS);
        visit("#/contacts/c-long", ".view h2", LONG);
        visit("#/organisations/o-1", ".view h2", SCRIPT, XSS);
        visit("#/find?to=c-t1", "#find-results li.referral-path", XSS);
        visit("#/find?region=ARAB_REGION", "#find-results > li.referral", "Target Person");
        visit("#/handover?officer=admin", ".view table", XSS, RTL.strip(), LONG);
        visit("#/followups", ".view table", XSS);
        visit("#/contacts/c-x/edit", "form input[name='name']", "");
        assertThat(driver().findElement(By.cssSelector("form input[name='name']")).getAttribute("value")).isEqualTo(XSS);

        // The picker shows a hostile match as text too.
        visit("#/me", "#me-title", "");
        assertThat(pickerMatch("", "<img", "c-x").getText()).contains(XSS).contains(SCRIPT);
        assertSafe("#/me picker");

        // The map: its details panel names the person as text.
        navigateTo("#/map");
        waitFor(java.time.Duration.ofSeconds(120), d -> Boolean.TRUE.equals(script("return Boolean(window.civnetMap && window.civnetMap.ready)")));
        script("window.civnetMap.cy.getElementById('c-x').emit('tap')");
        waitFor(d -> "c-x".equals(d.findElement(By.id("details-body")).getAttribute("data-id")));
        assertThat(driver().findElement(By.id("details-name")).getText()).isEqualTo(XSS);
        assertSafe("#/map details");
        assertNoConsoleErrors();
    }

    @Test
    void anAnalystWorksFromAPseudonymAndSeesNoConfidentialField() {
        TestRestTemplate analyst = as(Role.ANALYST);
        String pseudonym = pseudonymOfSecret(analyst);
        // The API itself answers a referral from the pseudonym (resolved server-side, audited).
        JsonNode fromPseudonym = analyst.getForObject("/api/referrals?from=" + pseudonym + "&to=c-t1", JsonNode.class);
        assertThat(fromPseudonym.get("paths")).isNotEmpty();

        open("#/map");
        login("test-analyst", ROLE_PASSWORD);
        assertThat(driver().findElements(By.cssSelector("#nav a[data-view='record']")).get(0).isDisplayed()).isFalse();

        visit("#/contacts/" + pseudonym, ".view h2", pseudonym);
        assertThat(driver().findElements(By.xpath("//button[normalize-space()='Edit' or starts-with(normalize-space(),'Delete')]"))).isEmpty();
        assertNoSecret("the pseudonym's page");

        visit("#/find?from=" + pseudonym + "&to=c-t1", "#find-results li.referral-path", "Target Person");
        assertThat(driver().findElements(By.cssSelector("button.ask"))).isEmpty();
        assertThat(css("#find-results li.referral-path").getAttribute("data-path")).contains(pseudonym);
        assertNoSecret("Find introducers from a pseudonym");

        visit("#/contacts/c-x", ".view h2", XSS);
        assertNoSecret("a contact who knows the protected person");

        // The map: "Path from here" on the pseudonym, "Path to here" on the target, then the path.
        // The map was drawn at login (ready already): wait for the router to show it again before tapping.
        navigateTo("#/map");
        waitFor(java.time.Duration.ofSeconds(120), d -> Boolean.TRUE.equals(script("return Boolean(window.civnetMap && window.civnetMap.ready)")));
        script("window.civnetMap.cy.getElementById(arguments[0]).emit('tap')", pseudonym);
        waitFor(d -> pseudonym.equals(d.findElement(By.id("details-body")).getAttribute("data-id")));
        css("#path-from-here").click();
        script("window.civnetMap.cy.getElementById('c-t1').emit('tap')");
        waitFor(d -> "c-t1".equals(d.findElement(By.id("details-body")).getAttribute("data-id")));
        css("#path-to-here").click();
        css("#find-path").click();
        css("#path-results li.active");
        assertThat(script("return window.civnetMap.cy.nodes('.path').map(n => n.id())").toString()).contains(pseudonym, "c-t1");
        assertNoSecret("the map with a path from a pseudonym");
        assertThat(http.getForObject("/api/audit?action=PSEUDONYM_RESOLVED", JsonNode.class).toString()).contains(pseudonym);
        assertNoConsoleErrors();
    }

    /** The analyst's name for c-secret: the one pseudonymised contact of the graph she is shown. */
    private static String pseudonymOfSecret(TestRestTemplate analyst) {
        JsonNode graph = analyst.getForObject("/api/analysis/graph", JsonNode.class);
        String found = null;
        for (JsonNode node : graph.get("nodes")) {
            String id = node.get("id").asText();
            if (id.startsWith("anon-")) {
                assertThat(found).as("one pseudonymised node").isNull();
                found = id;
            }
        }
        assertThat(found).isNotNull();
        return found;
    }

    /** Opens a view by its address, waits for it, checks that each text shows as text and that nothing ran. */
    private void visit(String hash, String ready, String... texts) {
        // The view before stays on the page until the router replaces it: navigateTo waits for that.
        navigateTo(hash);
        try {
            css(ready);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(hash + " never showed " + ready + "; the view says: "
                    + script("return document.getElementById('workspace').innerText"), e);
        }
        for (String text : texts) {
            if (!text.isEmpty()) {
                waitFor(d -> String.valueOf(script("return document.getElementById('workspace').innerText")).contains(text));
            }
        }
        assertSafe(hash);
    }

    private void assertSafe(String where) {
        try {
            driver().switchTo().alert();
            throw new AssertionError(where + ": a script opened an alert");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(script("return window.__xss === undefined")).as(where + ": injected script ran").isEqualTo(true);
        assertThat(script("return document.querySelectorAll('img[src=\"x\"], b[onmouseover], script:not([src])').length"))
                .as(where + ": markup from data became elements").isEqualTo(0L);
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as(where + ": the page scrolls sideways at 1280 px").isEqualTo(true);
        assertThat(script(UNNAMED_CONTROLS)).as(where + ": controls without an accessible name").isEqualTo(List.of());
    }

    /** Visible controls of the workspace with no name a screen reader could say (label, aria-*, text, title). */
    private static final String UNNAMED_CONTROLS = """
            return [...document.querySelectorAll('#workspace input, #workspace select, #workspace textarea, #workspace button, #workspace a[href]')]
              .filter(c => c.offsetParent !== null && c.type !== 'hidden')
              .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')
                           && !c.getAttribute('title') && !(c.textContent || '').trim() && !c.closest('label'))
              .map(c => c.outerHTML.slice(0, 120));
            """;

    private void assertNoSecret(String where) {
        String page = String.valueOf(script("return document.documentElement.outerHTML + document.body.innerText")).toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertThat(page).as(where + " shows " + secret).doesNotContain(secret);
        }
    }
}
