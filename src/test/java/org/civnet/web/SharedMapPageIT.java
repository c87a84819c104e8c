package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 17, views to share and a readable map: an analyst filters the demo network, sizes it by
 * betweenness and selects a person; the address holds that view, and a second analyst opening it in
 * her own browser session sees the same nodes, selection and size. Exports (PNG, SVG) carry title,
 * scope, legend and the pseudonymised mark; names never overlap; KNOWS ties have no arrows; risk is
 * told by border pattern; the graph and the legend work from the keyboard; every control has a label.
 */
class SharedMapPageIT extends WorkspacePageTest {

    private static final Duration MAP_TIMEOUT = Duration.ofSeconds(180);
    private static final String PASSWORD = "share-analyst-password-1";

    /** A name's own box (no node body, tap overlay or selection outline), measured afresh. */
    private static final String LABEL_BOX =
            "{useCache:false, includeNodes:false, includeEdges:false, includeLabels:true, includeOverlays:false, includeUnderlays:false, includeOutlines:false}";
    /** Pairs of shown names whose drawn boxes overlap, and how many names are shown. */
    private static final String LABEL_OVERLAPS = """
            const cy = window.civnetMap.cy;
            const shown = cy.nodes().filter(n => n.visible() && n.data('text'));
            const boxes = shown.map(n => [n.data('text'), n.boundingBox(%s)]);
            const pairs = [];
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i][1], b = boxes[j][1];
              if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(boxes[i][0] + ' / ' + boxes[j][0]);
            }
            return {shown: shown.length, overlaps: pairs};
            """.formatted(LABEL_BOX);

    @Autowired
    private NetworkImporter importer;

    @Test
    void aSharedViewOpensTheSameForAColleagueAndExportsSayWhatTheyShow() throws Exception {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();
        for (String name : List.of("share-analyst-a", "share-analyst-b")) {
            ResponseEntity<JsonNode> created = send(http, HttpMethod.POST, "/api/users",
                    "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"ANALYST\"}");
            assertThat(created.getStatusCode().value()).isIn(201, 409);
        }

        open("#/map");
        login("share-analyst-a", PASSWORD);
        waitForMap(driver());
        assertThat(css("#session-role").getText()).contains("pseudonyms");
        waitForLabels();
        documentShot("map-overview");

        // A readable map: no two names overlap; KNOWS ties carry no arrow; risk differs by border pattern.
        Map<String, Object> labels = labels();
        assertThat((List<?>) labels.get("overlaps")).isEmpty();
        assertThat(number(labels.get("shown"))).isPositive();
        assertThat(number(script("return window.civnetMap.cy.edges('[type = \"KNOWS\"]').length"))).isPositive();
        assertThat(number(script("return window.civnetMap.cy.edges('[type = \"KNOWS\"]')"
                + ".filter(e => e.style('target-arrow-shape') !== 'none').length"))).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> risk = (Map<String, Map<String, Object>>) script("""
                const cy = window.civnetMap.cy, out = {};
                for (const level of ['NONE', 'ELEVATED', 'HIGH']) {
                  const n = cy.nodes('[riskLevel = "' + level + '"]')[0];
                  out[level] = {style: n.style('border-style'), width: n.numericStyle('border-width'), color: n.style('border-color')};
                }
                return out;
                """);
        assertThat(risk.values().stream().map(r -> r.get("style")).distinct()).hasSize(3);
        for (Map<String, Object> r : risk.values()) {
            assertThat(contrastWithWhite((String) r.get("color"))).as("contrast of %s", r).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(all("#legend-risk button")).hasSize(3);
        assertThat(all("#legend-risk .ring").stream().map(e -> e.getCssValue("border-top-style")).distinct()).hasSize(3);

        // Every control of the map has a name a screen reader reads out.
        List<String> unnamed = strings("""
                return [...document.querySelectorAll('#map-view select, #map-view input, #map-view button, #cy')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => !(e.getAttribute('aria-label') || e.textContent.trim() || (e.id && document.querySelector('label[for="' + e.id + '"]'))
                    || e.closest('label')))
                  .map(e => e.outerHTML.slice(0, 80));
                """);
        assertThat(unnamed).isEmpty();

        // The view: Africa, sized by betweenness, one person selected (found by name, clicked).
        new Select(css("#filter-region")).selectByValue("AFRICA");
        new Select(css("#size-metric")).selectByValue("betweenness");
        waitFor(d -> css("#legend-size").getText().contains("betweenness"));
        String chosen = (String) script("""
                return window.civnetMap.cy.nodes(':visible').filter(n => n.data('label') === 'Contact' && n.data('region') === 'AFRICA')
                  .max(n => n.data('score') || 0).ele.id();
                """);
        String chosenName = (String) script("return window.civnetMap.cy.getElementById(arguments[0]).data('name')", chosen);
        type(css("#search"), chosenName);
        // The list is rebuilt for each prefix typed on the way: click in the answer to the whole name (map.js data-query).
        css("#search-results[data-query='" + chosenName.trim().replace("'", "\\'") + "'] button[data-id='" + chosen + "']").click();
        waitFor(d -> chosen.equals(css("#details-body").getAttribute("data-id")));
        waitFor(d -> d.getCurrentUrl().contains("node=" + chosen));
        String shared = driver().getCurrentUrl();
        assertThat(shared).contains("#/map?").contains("region=AFRICA").contains("size=betweenness").contains("node=" + chosen);
        // The details panel speaks in human labels: no raw field names, enumeration values or ISO dates.
        waitFor(d -> !css("#details-ties-message").getText().equals("Loading…"));
        String details = css("#details-fields").getText();
        assertThat(details).contains("Risk level").doesNotContain("riskLevel", "createdAt", "AFRICA");
        assertThat(details).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(css("#details-ties").getText()).doesNotContain("→", "←", "KNOWS");
        // Its ties are drawn with their direction, except KNOWS.
        assertThat(number(script("return window.civnetMap.cy.edges('.near[type = \"KNOWS\"]').length"))).isPositive();
        assertThat(number(script("return window.civnetMap.cy.edges('.near[type = \"KNOWS\"]')"
                + ".filter(e => e.style('target-arrow-shape') !== 'none').length"))).isZero();

        List<String> visible = visibleIds(driver());
        waitForLabels();
        assertThat((List<?>) labels().get("overlaps")).isEmpty();

        // Where the visible nodes are drawn (the layout is seeded, so her colleague's is the same).
        String positions = "return window.civnetMap.cy.nodes(':visible').slice(0, 200)"
                + ".map(n => n.id() + '@' + Math.round(n.position('x')) + ',' + Math.round(n.position('y')))";
        Object drawnHere = script(positions);

        // A colleague with the same role opens the link in her own session: the same view.
        Browser colleague = Browser.start();
        try {
            WebDriver other = colleague.driver();
            other.manage().window().setSize(new Dimension(1280, 720));
            other.get(shared);
            new WebDriverWait(other, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("login-username")).isDisplayed());
            other.findElement(By.id("login-username")).sendKeys("share-analyst-b");
            other.findElement(By.id("login-password")).sendKeys(PASSWORD);
            other.findElement(By.id("login-submit")).click();
            waitForMap(other);
            new WebDriverWait(other, Duration.ofSeconds(60)).until(d -> chosen.equals(
                    d.findElement(By.id("details-body")).getAttribute("data-id")));
            assertThat(other.findElement(By.id("session-user")).getText()).isEqualTo("share-analyst-b");
            assertThat(new Select(other.findElement(By.id("size-metric"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("betweenness");
            assertThat(new Select(other.findElement(By.id("filter-region"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("AFRICA");
            assertThat(((org.openqa.selenium.JavascriptExecutor) other).executeScript(
                    "return window.civnetMap.cy.nodes(':selected').map(n => n.id())")).isEqualTo(List.of(chosen));
            assertThat(visibleIds(other)).isEqualTo(visible);
            assertThat(((org.openqa.selenium.JavascriptExecutor) other).executeScript(positions))
                    .as("the same picture: every visible node where it was drawn for the first analyst").isEqualTo(drawnHere);
            assertThat(other.getCurrentUrl()).isEqualTo(shared);
        } finally {
            // Only this session's driver: Browser.close() would also end the first browser's processes.
            colleague.driver().quit();
        }

        // Keyboard: the graph takes focus, arrows move the selection, Enter opens the details.
        WebElement graph = css("#cy");
        graph.sendKeys(Keys.ARROW_RIGHT);
        waitFor(d -> !List.of(chosen).equals(script("return window.civnetMap.cy.nodes(':selected').map(n => n.id())")));
        graph.sendKeys(Keys.ARROW_DOWN);
        String moved = (String) script("return window.civnetMap.cy.nodes(':selected')[0].id()");
        assertThat(moved).isNotEqualTo(chosen);
        assertThat(css("#map-announce").getText()).contains("Enter opens the details");
        graph.sendKeys(Keys.ENTER);
        waitFor(d -> moved.equals(css("#details-body").getAttribute("data-id")));
        waitFor(d -> d.getCurrentUrl().contains("node=" + moved));
        // Tab from the graph reaches the legend; each entry is a button.
        assertThat(all("#legend-coalitions li[data-coalition]")).isNotEmpty()
                .allMatch(li -> !li.findElements(By.tagName("button")).isEmpty());
        graph.sendKeys(Keys.ESCAPE);
        waitFor(d -> !d.getCurrentUrl().contains("node="));
        boolean reachedLegend = false;
        for (int i = 0; i < 300 && !reachedLegend; i++) {
            driver().switchTo().activeElement().sendKeys(Keys.TAB);
            reachedLegend = Boolean.TRUE.equals(script("return Boolean(document.activeElement.closest('#legend-coalitions'))"));
        }
        assertThat(reachedLegend).as("Tab reaches a coalition in the legend").isTrue();
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("coalition="));
        assertThat(script("return document.activeElement.getAttribute('aria-pressed')")).isEqualTo("true");
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(d -> !d.getCurrentUrl().contains("coalition="));

        // Exports: a PNG with the header above the graph, an SVG with title, legend and the mark.
        css("#fit").click();
        waitForLabels();
        browser.clearDownloads();
        css("#export-png").click();
        Path pngFile = browser.download(".png", Duration.ofSeconds(30));
        byte[] png = Files.readAllBytes(pngFile);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        long canvasHeight = number(script("return window.civnetMap.cy.height()"));
        assertThat(image.getHeight()).isGreaterThan((int) (2 * canvasHeight));
        assertThat(image.getRGB(4, 4) & 0xffffff).as("the header's background").isEqualTo(0xf7f8fa);
        int ink = 0;
        for (int x = 0; x < Math.min(600, image.getWidth()); x++) {
            for (int y = 0; y < 2 * 80; y++) {
                if ((image.getRGB(x, y) & 0xff) < 0x80) ink++;
            }
        }
        assertThat(ink).as("dark pixels of the title and scope in the header").isGreaterThan(500);
        Path exportShot = SHOTS.resolve("map-export.png");
        Files.write(exportShot, png);
        if (Files.isDirectory(Path.of("docs"))) {
            Files.createDirectories(Path.of("docs", "screenshots"));
            Files.copy(exportShot, Path.of("docs", "screenshots", "map-export.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        browser.clearDownloads();
        css("#export-svg").click();
        Document svg = parseXml(Files.readAllBytes(browser.download(".svg", Duration.ofSeconds(30))));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(byId(svg, "export-title").getTextContent()).isEqualTo("civnet network map");
        String header = byId(svg, "export-header").getTextContent();
        assertThat(header).contains("Region: Africa", "Size by betweenness", "Graph version", "Exported");
        String legend = byId(svg, "legend").getTextContent();
        assertThat(legend).contains("Coalitions", "Contact", "Organisation", "Mandate", "Network",
                "Elevated risk", "High risk", "members");
        assertThat(byId(svg, "pseudonymised-mark")).isNotNull();
        assertThat(byId(svg, "pseudonymised-mark").getTextContent()).containsIgnoringCase("pseudonymised");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "ellipse").getLength()).isPositive();

        // A path view lays its nodes out afresh, names shown and apart.
        List<String> path = pathFrom(moved, visible);
        script("location.hash = arguments[0]", "#/map?path=" + String.join(",", path));
        waitFor(d -> number(script("return window.civnetMap.cy.nodes('.path').length")) == path.size());
        // In path order from one side to the other, every name shown.
        waitFor(d -> Boolean.TRUE.equals(script("""
                const cy = window.civnetMap.cy, nodes = arguments[0].map(id => cy.getElementById(id));
                const xs = nodes.map(n => n.position().x);
                const step = Math.sign(xs[1] - xs[0]);
                return step !== 0 && xs.every((x, i) => i === 0 || Math.sign(x - xs[i - 1]) === step)
                  && nodes.every(n => n.data('text') === n.data('name'));
                """, path)));
        waitForLabels();
        assertThat((List<?>) labels().get("overlaps")).isEmpty();
        assertThat(driver().getCurrentUrl()).contains("path=" + String.join("%2C", path));
        documentShot("map-path");

        assertNoConsoleErrors("/api/reports/coverage - ", "top=100000&", " - Failed to load resource: the server responded with a status of 404");
    }

    // ---------------------------------------------------------------------------------------------

    private void waitForMap(WebDriver d) {
        new WebDriverWait(d, MAP_TIMEOUT).until(x -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) x)
                .executeScript("return Boolean(window.civnetMap && window.civnetMap.ready)")));
    }

    /** Waits until the labeller has run on the settled view (names decided, none overlapping). */
    private void waitForLabels() {
        waitFor(d -> {
            Map<String, Object> l = labels();
            return ((List<?>) l.get("overlaps")).isEmpty() && number(l.get("shown")) > 0;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> labels() {
        return (Map<String, Object>) script(LABEL_OVERLAPS);
    }

    private static List<String> visibleIds(WebDriver d) {
        Object ids = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return window.civnetMap.cy.nodes(':visible').map(n => n.id()).sort()");
        return ((List<?>) ids).stream().map(String::valueOf).toList();
    }

    /** A referral path of at least three people from {@code from} to one of the visible contacts. */
    private List<String> pathFrom(String from, List<String> candidates) {
        for (String to : candidates.stream().filter(id -> id.startsWith("c-") && !id.equals(from)).limit(80).toList()) {
            ResponseEntity<JsonNode> response = http.getForEntity("/api/referrals?from=" + from + "&to=" + to + "&k=1", JsonNode.class);
            JsonNode paths = response.getBody() == null ? null : response.getBody().get("paths");
            if (response.getStatusCode() == HttpStatus.OK && paths != null && !paths.isEmpty() && paths.get(0).get("nodes").size() >= 3) {
                List<String> nodes = new ArrayList<>();
                paths.get(0).get("nodes").forEach(n -> nodes.add(n.asText()));
                return nodes;
            }
        }
        throw new AssertionError("no referral path of three or more from " + from);
    }

    private List<String> strings(String js) {
        return ((List<?>) script(js)).stream().map(String::valueOf).toList();
    }

    private static Element byId(Document document, String id) {
        var all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) return e;
        }
        return null;
    }

    /** WCAG contrast of an "rgb(r,g,b)" colour against white. */
    private static double contrastWithWhite(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        double l = 0.2126 * channel(parts[0]) + 0.7152 * channel(parts[1]) + 0.0722 * channel(parts[2]);
        return 1.05 / (l + 0.05);
    }

    private static double channel(String value) {
        double c = Integer.parseInt(value) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static long number(Object value) {
        return value == null ? -1 : ((Number) value).longValue();
    }
}
