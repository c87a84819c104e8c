package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Issue 16, journeys 2–4 in the page: an officer links herself (Me), finds the best new contacts in
 * the Arab region on a theme (the list the API gives, with coverage), shows a path on the map, asks
 * the path's first person for an introduction, and marks it made in My introductions: the
 * introduction is MADE with its note kept, and she now knows the person introduced. Do no harm:
 * the allow-at-risk checkbox marks the officer's results and is absent for an analyst, who works
 * with pseudonyms and has no ask actions.
 */
class FindIntroducersPageIT extends WorkspacePageTest {

    private static final Duration MAP_TIMEOUT = Duration.ofSeconds(240);
    private static final String NOTE = "Met at the Geneva side event;\nasked by phone.";

    @Autowired
    private NetworkImporter importer;

    /** The theme most Arab-region contacts work on: a target the demo network surely has. */
    private String arabTheme() {
        JsonNode page = http.getForObject("/api/contacts?region=ARAB_REGION&size=500", JsonNode.class);
        Map<String, Integer> counts = new HashMap<>();
        page.get("items").forEach(c -> c.path("themes").forEach(t -> counts.merge(t.asText(), 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The distinct targets of a referral answer, in its ranking. */
    private static List<String> targets(JsonNode result) {
        Set<String> out = new LinkedHashSet<>();
        result.get("paths").forEach(p -> out.add(p.get("target").asText()));
        return new ArrayList<>(out);
    }

    private static Map<String, String> labels(JsonNode result) {
        Map<String, String> out = new HashMap<>();
        result.get("people").forEach(p -> out.put(p.get("id").asText(), p.get("label").asText()));
        return out;
    }

    /** A path the page can ask on: the first ask and someone after it are contacts. */
    private static boolean askable(JsonNode path, Map<String, String> labels) {
        if (path.path("firstAsk").isNull() || path.path("firstAsk").isMissingNode()) {
            return false;
        }
        String first = path.get("firstAsk").asText();
        if (!"Contact".equals(labels.get(first))) {
            return false;
        }
        List<String> nodes = new ArrayList<>();
        path.get("nodes").forEach(n -> nodes.add(n.asText()));
        return nodes.subList(nodes.indexOf(first) + 1, nodes.size()).stream().anyMatch(n -> "Contact".equals(labels.get(n)));
    }

    /**
     * A well-connected contact (highest degree first), not protected (so an analyst's picker finds
     * her too), from whom the officer's query finds new contacts in the Arab region on the theme,
     * with at least one path to ask on, and with a path through an at-risk person once allowed.
     */
    private JsonNode chooseMe(String theme) {
        JsonNode top = http.getForObject("/api/analysis/centrality?metric=degree&top=60&nodes=Contact", JsonNode.class);
        for (JsonNode row : top.get("scores")) {
            String id = row.get("id").asText();
            JsonNode contact = http.getForObject("/api/contacts/" + id, JsonNode.class);
            if (contact == null || !contact.has("name") || "ARAB_REGION".equals(contact.path("region").asText())
                    || contact.path("confidential").asBoolean() || !"NONE".equals(contact.path("riskLevel").asText("NONE"))) {
                continue;
            }
            JsonNode result = http.getForObject("/api/referrals?from=" + id + "&region=ARAB_REGION&theme=" + theme, JsonNode.class);
            Map<String, String> labels = labels(result);
            boolean askable = false;
            for (JsonNode p : result.get("paths")) {
                askable |= askable(p, labels);
            }
            if (targets(result).size() < 3 || !askable) {
                continue;
            }
            JsonNode risky = http.getForObject("/api/referrals?from=" + id + "&region=ARAB_REGION&theme=" + theme
                    + "&allowAtRisk=true", JsonNode.class);
            boolean throughAtRisk = false;
            for (JsonNode p : risky.get("paths")) {
                throughAtRisk |= !p.get("atRiskIntermediaries").isEmpty();
            }
            if (throughAtRisk) {
                return contact;
            }
        }
        throw new AssertionError("no demo contact reaches the Arab region on " + theme);
    }

    private List<String> pageTargets() {
        return all("#find-results > li.referral").stream().map(li -> li.getAttribute("data-target")).toList();
    }

    @Test
    void officerFindsIntroducersInTheArabRegionAsksAndMarksTheIntroductionMade() throws Exception {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();
        TestRestTemplate officer = as(Role.OFFICER);
        as(Role.ANALYST);
        send(http, HttpMethod.PUT, "/api/users/test-officer/contact", "{\"contact\":null}");
        String theme = arabTheme();
        JsonNode me = chooseMe(theme);
        String meId = me.get("id").asText();

        // 1. She links herself: Me, type her name, pick her, "This is me".
        open("#/me");
        login("test-officer", ROLE_PASSWORD);
        css("#me-current.attention");
        pickFrom("", me.get("name").asText(), meId);
        css("#me-link").click();
        waitFor(d -> meId.equals(d.findElement(By.id("me-current")).getAttribute("data-id")));
        assertThat(officer.getForObject("/api/me", JsonNode.class).get("contact").asText()).isEqualTo(meId);

        // 2. Find introducers to new contacts in the Arab region on the theme.
        goTo("find", By.id("find-form"));
        assertThat(all("#find-not-linked")).isEmpty();
        css("#find-from");
        new Select(css("#find-form select[name='region']")).selectByValue("ARAB_REGION");
        new Select(css("#find-form select[name='theme']")).selectByValue(theme);
        css("#find-submit").click();
        css("#find-results > li.referral");
        JsonNode api = officer.getForObject("/api/referrals?region=ARAB_REGION&theme=" + theme, JsonNode.class);
        List<String> expected = targets(api);
        assertThat(pageTargets()).isEqualTo(expected);
        assertThat(css("#find-results > li.referral .name").getText())
                .isEqualTo(labelOf(api, expected.get(0)));
        assertThat(driver().getCurrentUrl()).contains("#/find?").contains("region=ARAB_REGION").contains("theme=" + theme);
        // each path: the first ask, the tie of each hop in words, the reason, the map link
        WebElement firstPath = css("#find-results li.referral-path");
        assertThat(firstPath.getText()).containsPattern("(Knows|Affiliated with|Partners with)")
                .containsPattern("(trust \\d of 5|trust unknown)").contains("score");
        assertThat(css("#find-results .reason").getText()).matches("(?s)(Ask |You already know ).*");
        // coverage within 1, 2, 3 hops, as the API counts it
        JsonNode coverage = officer.getForObject("/api/referrals/coverage?region=ARAB_REGION&theme=" + theme + "&maxHops=3",
                JsonNode.class);
        for (int h = 1; h <= 3; h++) {
            assertThat(css("#find-coverage tr[data-hops='" + h + "'] .count").getText())
                    .isEqualTo(coverage.get("reachableWithin").get(String.valueOf(h)).asText());
        }
        if (api.get("unreachableCount").asInt() > 0) {
            assertThat(all("#find-unreachable tbody tr")).hasSize(api.get("unreachable").size());
        }
        assertThat(all("#find-allow-at-risk")).hasSize(1);
        script("document.querySelector('.coverage-card').scrollIntoView()");
        documentShot("find-introducers");

        // 3. One click shows a path on the map; back, and the query runs again from the address.
        WebElement mapLink = css("#find-results li.referral-path .show-on-map");
        String pathIds = css("#find-results li.referral-path").getAttribute("data-path");
        mapLink.click();
        waitFor(MAP_TIMEOUT, d -> Boolean.TRUE.equals(script(
                "return Boolean(window.civnetMap && window.civnetMap.cy && window.civnetMap.cy.nodes('.path').length > 0)")));
        @SuppressWarnings("unchecked")
        List<String> highlighted = (List<String>) script("return window.civnetMap.cy.nodes('.path').map(n => n.id())");
        assertThat(new HashSet<>(highlighted)).isEqualTo(new HashSet<>(List.of(pathIds.split(","))));
        shot("find-path-on-map");
        driver().navigate().back();
        css("#find-results > li.referral");
        assertThat(pageTargets()).isEqualTo(expected);

        // 4. Ask for an introduction on the first path that has a person to ask.
        WebElement path = css("#find-results li.referral-path button.ask").findElement(By.xpath("./ancestor::li[contains(@class,'referral-path')]"));
        String introducer = path.getAttribute("data-first-ask");
        List<String> nodes = List.of(path.getAttribute("data-path").split(","));
        path.findElement(By.cssSelector("button.ask")).click();
        WebElement note = css(".ask-form textarea");
        note.sendKeys(NOTE);
        css(".ask-form button[type='submit']").click();
        css("#find-asked");
        JsonNode mine = officer.getForObject("/api/introductions?mine=true", JsonNode.class);
        assertThat(mine.get("items")).hasSize(1);
        JsonNode asked = mine.get("items").get(0);
        assertThat(asked.get("introducer").asText()).isEqualTo(introducer);
        assertThat(asked.get("recipient").asText()).isEqualTo(meId);
        assertThat(asked.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(asked.get("note").asText()).isEqualTo(NOTE);
        String introduced = asked.get("introduced").asText();
        assertThat(nodes.indexOf(introduced)).isGreaterThan(nodes.indexOf(introducer));
        assertThat(labels(api).getOrDefault(introduced, "Contact")).isEqualTo("Contact");

        // 5. My introductions: the ask is requested; mark it made.
        css("#find-asked a[href='#/introductions']").click();
        css("#intro-list tr[data-id='" + asked.get("id").asText() + "']");
        WebElement row = css("#intro-list tr[data-id='" + asked.get("id").asText() + "']");
        assertThat(row.getText()).contains("Met at the Geneva side event");
        documentShot("my-introductions");
        row.findElement(By.cssSelector("button.mark-made")).click();
        waitFor(d -> d.findElements(By.cssSelector("#intro-list tr[data-id='" + asked.get("id").asText() + "']")).isEmpty());
        css("#intro-tab-MADE").click();
        css("#intro-list tr[data-id='" + asked.get("id").asText() + "'][data-status='MADE']");
        JsonNode made = officer.getForObject("/api/introductions/" + asked.get("id").asText(), JsonNode.class);
        assertThat(made.get("status").asText()).isEqualTo("MADE");
        assertThat(made.get("note").asText()).isEqualTo(NOTE);
        assertThat(made.get("introducer").asText()).isEqualTo(introducer);
        JsonNode ties = officer.getForObject("/api/ties?node=" + meId, JsonNode.class);
        boolean knows = false;
        for (JsonNode tie : ties.isArray() ? ties : ties.path("items")) {
            knows |= "KNOWS".equals(tie.path("type").asText())
                    && Set.of(tie.path("from").asText(), tie.path("to").asText()).equals(Set.of(meId, introduced));
        }
        assertThat(knows).as("KNOWS tie between %s and %s", meId, introduced).isTrue();

        // 6. To a person: pick the best new contact by name; the page lists the API's paths to her.
        goTo("find", By.id("find-form"));
        css("#find-form input[name='find-mode'][value='person']").click();
        String person = expected.get(0);
        pickFrom(".to-person", labelOf(api, person), person);
        css("#find-to");
        css("#find-submit").click();
        css("#find-results li.referral-path");
        assertThat(driver().getCurrentUrl()).contains("to=" + person);
        JsonNode toPerson = officer.getForObject("/api/referrals?to=" + person, JsonNode.class);
        List<String> apiPaths = new ArrayList<>();
        toPerson.get("paths").forEach(p -> {
            List<String> ids = new ArrayList<>();
            p.get("nodes").forEach(n -> ids.add(n.asText()));
            apiPaths.add(String.join(",", ids));
        });
        assertThat(all("#find-results li.referral-path").stream().map(li -> li.getAttribute("data-path")).toList())
                .isEqualTo(apiPaths);

        // 7. Do no harm: allowing at-risk intermediaries marks the results.
        goTo("find", By.id("find-form"));
        css("#find-form input[name='find-mode'][value='target']").click();
        new Select(css("#find-form select[name='region']")).selectByValue("ARAB_REGION");
        new Select(css("#find-form select[name='theme']")).selectByValue(theme);
        css("#find-allow-at-risk").click();
        css("#find-submit").click();
        css("#find-at-risk");
        css("#find-results > li.referral");
        assertThat(driver().getCurrentUrl()).contains("allowAtRisk=true");
        JsonNode risky = officer.getForObject("/api/referrals?region=ARAB_REGION&theme=" + theme + "&allowAtRisk=true",
                JsonNode.class);
        Set<String> atRisk = new HashSet<>();
        risky.get("paths").forEach(p -> p.get("atRiskIntermediaries").forEach(id -> atRisk.add(id.asText())));
        Set<String> markedInPage = new HashSet<>();
        all("#find-results li.hop.at-risk").forEach(li -> markedInPage.add(li.getAttribute("data-id")));
        assertThat(atRisk).isNotEmpty();
        assertThat(markedInPage).isEqualTo(atRisk);
        assertThat(css("#find-at-risk").getText()).startsWith("At-risk intermediaries allowed");
        assertThat(pageTargets()).isEqualTo(targets(risky));
        script("document.querySelector('#find-results li.hop.at-risk').scrollIntoView({block: 'center'})");
        shot("find-introducers-at-risk");
        assertNoConsoleErrors();

        // 8. An analyst: pseudonyms, no at-risk checkbox, no ask; not linked, so she picks a start.
        open("#/find");
        login("test-analyst", ROLE_PASSWORD);
        css("#find-form");
        assertThat(all("#find-allow-at-risk")).isEmpty();
        css("#find-not-linked");
        pickFrom("", me.get("name").asText(), meId);
        css("#find-from");
        new Select(css("#find-form select[name='region']")).selectByValue("ARAB_REGION");
        new Select(css("#find-form select[name='theme']")).selectByValue(theme);
        css("#find-submit").click();
        css("#find-results > li.referral");
        JsonNode analystApi = as(Role.ANALYST).getForObject("/api/referrals?from=" + meId + "&region=ARAB_REGION&theme=" + theme,
                JsonNode.class);
        assertThat(pageTargets()).isEqualTo(targets(analystApi));
        // the people the answer names are redacted like every record: a pseudonym, no country, no organisations
        for (JsonNode named : analystApi.get("people")) {
            if (named.path("pseudonymised").asBoolean()) {
                assertThat(named.has("country") && !named.get("country").isNull()).isFalse();
                assertThat(named.path("organisations").isArray() && !named.get("organisations").isEmpty()).isFalse();
                assertThat(all("#find-results [data-id='" + named.get("id").asText() + "'] .name"))
                        .allMatch(e -> e.getText().equals(named.get("name").asText()));
            }
        }
        assertThat(all("button.ask")).isEmpty();
        assertThat(all("#find-at-risk")).isEmpty();
        shot("find-introducers-analyst");
        assertNoConsoleErrors();
    }

    private static String labelOf(JsonNode result, String id) {
        for (JsonNode p : result.get("people")) {
            if (p.get("id").asText().equals(id)) {
                return p.get("name").asText();
            }
        }
        return id;
    }
}
