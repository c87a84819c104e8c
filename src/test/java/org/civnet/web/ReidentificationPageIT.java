package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19, the re-identification gate in the page: an ANALYST's map of the demo network says in
 * its legend how many people were withheld to keep them unrecognisable and how many are shown
 * coarsened; a coarsened person's panel says their region is withheld and gives their ties as a
 * range; the figures are the API's, and the map draws no tie of a coarsened person.
 */
@TestPropertySource(properties = "civnet.privacy.anonymity-k=5")
class ReidentificationPageIT extends WorkspacePageTest {

    private static final Duration MAP_TIMEOUT = Duration.ofSeconds(180);

    @Autowired
    private NetworkImporter importer;

    @Test
    void anAnalystsMapSaysWhoIsWithheldWithoutNamingThemAndMarksTheCoarsened() throws Exception {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();
        as(Role.ANALYST);

        open("#/map");
        login("test-analyst", ROLE_PASSWORD);
        new WebDriverWait(driver(), MAP_TIMEOUT).until(d -> Boolean.TRUE.equals(
                script("return Boolean(window.civnetMap && window.civnetMap.ready)")));

        // The legend's line, checked against what the API tells the same analyst.
        JsonNode withheld = as(Role.ANALYST).getForObject("/api/analysis/graph", JsonNode.class).get("withheld");
        int people = withheld.get("people").asInt();
        int coarsened = withheld.get("coarsened").asInt();
        assertThat(people).isPositive();
        var line = css("#legend-withheld");
        assertThat(line.isDisplayed()).isTrue();
        assertThat(line.getText()).contains(people + " people withheld to keep them unrecognisable")
                .contains(coarsened + " shown with their region withheld");
        assertThat(line.getAttribute("data-withheld")).isEqualTo(Integer.toString(people));

        // A coarsened person: no tie drawn, the panel says the region is withheld and gives a range of ties.
        String id = (String) script("return window.civnetMap.cy.nodes().filter(n => n.data('coarsened'))[0].id()");
        assertThat(id).startsWith("anon-");
        assertThat(((Number) script("return window.civnetMap.cy.getElementById(arguments[0]).connectedEdges().length", id))
                .intValue()).isZero();
        script("window.civnetMap.cy.getElementById(arguments[0]).emit('tap')", id);
        waitFor(d -> css("#details-sub").getText().contains("region withheld"));
        String range = as(Role.ANALYST).getForObject("/api/contacts/" + id, JsonNode.class).get("degreeRange").asText();
        assertThat(css("#details-sub").getText()).contains("ties: " + range);
        assertThat(as(Role.ANALYST).getForObject("/api/contacts/" + id, JsonNode.class).has("region")).isFalse();
        assertThat(css("#details-fields").getText()).doesNotContain("object");
        script("document.getElementById('legend-withheld').scrollIntoView({block: 'center'})");
        documentShot("map-withheld");
        assertNoConsoleErrors();
    }
}
