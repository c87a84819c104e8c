package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analysis panel under the map, on the demo network: brokers, groups at risk, a resilience
 * what-if and coverage, each table checked against the API's answer; a row highlights and centres
 * its node on the map and a node clicked on the map selects its row; the what-if highlights exactly
 * the people the API says lose every path; every control has a name, Tab reaches it, and its text
 * is at least 4.5:1 against its background. An analyst gets the API's pseudonyms.
 */
class AnalysisViewsPageIT extends WorkspacePageTest {

    private static final Duration MAP_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    private NetworkImporter importer;

    @Test
    void eachAnalysisViewMatchesTheApiAndIsLinkedBothWaysWithTheMap() throws Exception {
        ImportReport report = importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        assertThat(report.rejected()).isEmpty();

        // A shared address opens the map with the brokers.
        open("#/map?analysis=brokers");
        login("admin", ADMIN_PASSWORD);
        waitForMap();
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.cssSelector("#analysis-brokers-table tbody tr[data-key]")).isEmpty());
        assertThat(css("#analysis-tab-brokers").getAttribute("aria-selected")).isEqualTo("true");

        // --- brokers: the table is the API's answer, in its order (score, highest first).
        JsonNode brokers = http.getForObject("/api/analysis/brokers?top=25", JsonNode.class).get("brokers");
        List<WebElement> rows = all("#analysis-brokers-table tbody tr[data-key]");
        assertThat(rows).hasSize(brokers.size());
        for (int i = 0; i < 5; i++) {
            JsonNode b = brokers.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-key")).isEqualTo(b.get("id").asText());
            assertThat(row.findElement(By.cssSelector("td[data-col=name] .name")).getText()).isEqualTo(b.get("name").asText());
            assertThat(cell(row, "score")).isEqualTo(String.format(Locale.ROOT, "%.2f", b.get("score").asDouble()));
            assertThat(cell(row, "betweenness")).isEqualTo(String.format(Locale.ROOT, "%.3f", b.get("betweenness").asDouble()));
            assertThat(cell(row, "constraint")).isEqualTo(String.format(Locale.ROOT, "%.3f", b.get("constraint").asDouble()));
            assertThat(cell(row, "effectiveSize")).isEqualTo(String.format(Locale.ROOT, "%.1f", b.get("effectiveSize").asDouble()));
            assertThat(cell(row, "why")).isNotBlank().doesNotContain("_");
            assertThat(cell(row, "roles")).isNotBlank();
        }
        // Sorted by betweenness: the largest betweenness first.
        css("#analysis-brokers-table th button[data-sort=betweenness]").click();
        String mostBetween = null;
        double best = -1;
        for (JsonNode b : brokers) {
            if (b.get("betweenness").asDouble() > best) {
                best = b.get("betweenness").asDouble();
                mostBetween = b.get("id").asText();
            }
        }
        String expectedFirst = mostBetween;
        waitFor(d -> expectedFirst.equals(firstKey("#analysis-brokers-table")));
        assertThat(css("#analysis-brokers-table th[aria-sort=descending] button").getAttribute("data-sort")).isEqualTo("betweenness");
        css("#analysis-brokers-table th button[data-sort=score]").click();
        waitFor(d -> brokers.get(0).get("id").asText().equals(firstKey("#analysis-brokers-table")));

        // Row → map: the node is selected, highlighted, centred, and its details open.
        String second = brokers.get(1).get("id").asText();
        clickRow("#analysis-brokers-table", second);
        waitFor(d -> second.equals(script("const s = window.civnetMap.cy.nodes(':selected'); return s.length ? s[0].id() : null")));
        assertThat(strings("return window.civnetMap.cy.nodes('.analysis').map(n => n.id())")).containsExactly(second);
        assertCentred(second);
        waitFor(d -> second.equals(d.findElement(By.id("details-body")).getAttribute("data-id")));
        assertThat(row("#analysis-brokers-table", second).getAttribute("aria-current")).isEqualTo("true");
        documentShot("analysis-brokers");

        // Keyboard: a row is focusable and Enter activates it.
        String third = brokers.get(2).get("id").asText();
        script("arguments[0].focus()", row("#analysis-brokers-table", third));
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        waitFor(d -> third.equals(script("const s = window.civnetMap.cy.nodes(':selected'); return s.length ? s[0].id() : null")));

        // Map → row: a broker clicked on the map selects its row and scrolls it into view.
        List<String> ids = new ArrayList<>();
        brokers.forEach(b -> ids.add(b.get("id").asText()));
        String clickable = (String) script(UNCOVERED_NODE, ids.subList(3, ids.size()));
        assertThat(clickable).as("a broker whose centre no other node covers").isNotNull();
        clickNode(clickable);
        waitFor(d -> "true".equals(row("#analysis-brokers-table", clickable).getAttribute("aria-current")));
        assertThat(row("#analysis-brokers-table", third).getAttribute("aria-current")).isEqualTo("false");
        assertThat(script(IN_VIEW, row("#analysis-brokers-table", clickable))).isEqualTo(true);
        assertThat(driver().getCurrentUrl()).contains("analysis=brokers");
        checkAccessibility("brokers");

        // --- groups at risk: ranked as the API ranks them; cut points, bridges and suggested ties.
        JsonNode isolation = http.getForObject("/api/analysis/isolation?groupBy=theme", JsonNode.class);
        css("#analysis-tab-isolation").click();
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.cssSelector("#analysis-groups-table tbody tr[data-key]")).isEmpty());
        assertThat(driver().getCurrentUrl()).contains("analysis=isolation");
        JsonNode groups = isolation.get("groups");
        List<WebElement> groupRows = all("#analysis-groups-table tbody tr[data-key]");
        assertThat(groupRows).hasSize(groups.size());
        for (int i = 0; i < Math.min(5, groups.size()); i++) {
            JsonNode g = groups.get(i);
            assertThat(groupRows.get(i).getAttribute("data-key")).isEqualTo("group:" + g.get("name").asText());
            assertThat(cell(groupRows.get(i), "score")).isEqualTo(String.format(Locale.ROOT, "%.2f", g.get("score").asDouble()));
            assertThat(cell(groupRows.get(i), "size")).isEqualTo(String.format(Locale.ROOT, "%,d", g.get("size").asInt()));
            assertThat(cell(groupRows.get(i), "unreachable")).startsWith(g.get("unreachableMembers").asText());
        }
        assertThat(all("#analysis-cuts-table tbody tr[data-key]")).hasSize(isolation.get("cutVertices").size());
        assertThat(all("#analysis-bridges-table tbody tr[data-key]")).hasSize(isolation.get("bridges").size());
        assertThat(all("#analysis-ties-table tbody tr[data-key]")).hasSize(isolation.get("suggestedTies").size());
        assertThat(all("#analysis-unreached-table tbody tr[data-key]")).hasSize(isolation.get("unreached").size());

        // A group that depends on someone: its members highlighted, its single points of failure marked.
        JsonNode dependent = null;
        for (JsonNode g : groups) {
            if (!g.get("brokers").isEmpty()) {
                dependent = g;
                break;
            }
        }
        assertThat(dependent).as("a group at risk with a single point of failure in the demo network").isNotNull();
        String groupName = dependent.get("name").asText();
        Set<String> spof = new LinkedHashSet<>();
        dependent.get("brokers").forEach(b -> spof.add(b.get("id").asText()));
        clickRow("#analysis-groups-table", "group:" + groupName);
        waitFor(d -> !d.findElements(By.cssSelector("#analysis-group-detail[data-group='" + groupName + "']")).isEmpty());
        List<String> members = strings("return window.civnetMap.cy.nodes().filter(n => (n.data('themes') || []).includes(arguments[0])).map(n => n.id())", groupName);
        assertThat(members).as("the map's members of " + groupName + " are the API's").hasSize(dependent.get("size").asInt());
        assertThat(new HashSet<>(strings("return window.civnetMap.cy.nodes('.analysis').map(n => n.id())"))).isEqualTo(new HashSet<>(members));
        assertThat(strings("return window.civnetMap.cy.nodes('.analysis-key').map(n => n.id())")).containsAll(spof);
        assertThat(all("#analysis-group-brokers button").stream().map(b -> b.getAttribute("data-id")).toList()).containsExactlyElementsOf(spof);

        // A cut point's row selects it on the map; clicking it on the map selects that row.
        if (!isolation.get("cutVertices").isEmpty()) {
            String cut = isolation.get("cutVertices").get(0).get("id").asText();
            clickRow("#analysis-cuts-table", "cut:" + cut);
            waitFor(d -> cut.equals(script("const s = window.civnetMap.cy.nodes(':selected'); return s.length ? s[0].id() : null")));
            assertCentred(cut);
        }
        // A suggested tie: both ends highlighted, the new tie drawn.
        JsonNode tie = isolation.get("suggestedTies").get(0);
        String tieKey = "tie:" + tie.get("contact").asText() + ":" + tie.get("candidate").asText();
        clickRow("#analysis-ties-table", tieKey);
        waitFor(d -> strings("return window.civnetMap.cy.nodes('.analysis').map(n => n.id())")
                .containsAll(List.of(tie.get("contact").asText(), tie.get("candidate").asText())));
        assertThat(((Number) script("return window.civnetMap.cy.edges('.analysis').length")).intValue()).isEqualTo(1);
        // Back to the group, for the picture.
        clickRow("#analysis-groups-table", "group:" + groupName);
        waitFor(d -> !d.findElements(By.id("analysis-group-detail")).isEmpty());
        script("arguments[0].scrollIntoView({block: 'start'})", row("#analysis-groups-table", "group:" + groupName));
        documentShot("analysis-isolation");
        checkAccessibility("isolation");

        // --- resilience: "what if we lose them?" removes the group's single points of failure.
        clickCentred("#analysis-group-whatif");
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.id("analysis-resilience-summary")).isEmpty());
        assertThat(driver().getCurrentUrl()).contains("analysis=resilience");
        assertThat(all("#analysis-chosen li").stream().map(li -> li.getAttribute("data-id")).toList()).containsExactlyElementsOf(spof);
        JsonNode whatIf = http.postForObject("/api/analysis/resilience", Map.of("remove", List.copyOf(spof)), JsonNode.class);
        Set<String> lost = new HashSet<>();
        whatIf.get("lostAllPaths").forEach(id -> lost.add(id.asText()));
        assertThat(lost).as("the demo network's single point of failure cuts people off").isNotEmpty();
        assertThat(new HashSet<>(strings("return window.civnetMap.cy.nodes('.analysis').not('.analysis-key').map(n => n.id())")))
                .isEqualTo(lost);
        assertThat(new HashSet<>(strings("return window.civnetMap.cy.nodes('.analysis-key').map(n => n.id())"))).isEqualTo(spof);
        assertThat(new HashSet<>(all("#analysis-resilience-table tbody tr[data-key]").stream().map(r -> r.getAttribute("data-key")).toList()))
                .isEqualTo(lost);
        assertThat(css("#analysis-resilience-summary").getText()).contains(lost.size() + " lose")
                .contains("(" + whatIf.get("atRiskLostAllPaths").size() + " of them at risk)");
        script("document.getElementById('analysis-resilience-summary').scrollIntoView({block: 'start'})");
        documentShot("analysis-resilience");

        // Another what-if, picked from the brokers table and by name: the top broker.
        css("#analysis-whatif-reset").click();
        css("#analysis-tab-brokers").click();
        String top = brokers.get(0).get("id").asText();
        clickCentred("#analysis-brokers-table button[data-whatif='" + top + "']");
        waitFor(d -> !d.findElements(By.cssSelector("#analysis-chosen li[data-id='" + top + "']")).isEmpty());
        css("#analysis-run").click();
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.id("analysis-resilience-summary")).isEmpty());
        JsonNode topWhatIf = http.postForObject("/api/analysis/resilience", Map.of("remove", List.of(top)), JsonNode.class);
        Set<String> topLost = new HashSet<>();
        topWhatIf.get("lostAllPaths").forEach(id -> topLost.add(id.asText()));
        assertThat(new HashSet<>(strings("return window.civnetMap.cy.nodes('.analysis').not('.analysis-key').map(n => n.id())")))
                .isEqualTo(topLost);
        checkAccessibility("resilience");

        // --- coverage: the API's shares and gaps, and a date to compare with, shared by address.
        JsonNode coverage = http.getForObject("/api/reports/coverage", JsonNode.class);
        css("#analysis-tab-coverage").click();
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.cssSelector("#analysis-coverage-table tbody tr[data-key]")).isEmpty());
        List<WebElement> regionRows = all("#analysis-coverage-table tbody tr[data-key]");
        assertThat(regionRows).hasSize(coverage.get("byRegion").size());
        for (int i = 0; i < regionRows.size(); i++) {
            JsonNode r = coverage.get("byRegion").get(i);
            assertThat(regionRows.get(i).getAttribute("data-key")).isEqualTo("region:" + r.get("region").asText());
            assertThat(cell(regionRows.get(i), "share")).isEqualTo(percent(r.get("share").asDouble()));
            assertThat(cell(regionRows.get(i), "target")).isEqualTo(percent(r.get("targetShare").asDouble()));
        }
        assertThat(all("#analysis-coverage-chart g[data-region]")).hasSize(coverage.get("byRegion").size());
        assertThat(all("#analysis-gap-partners tbody tr[data-key]")).hasSize(coverage.get("gaps").get("mandatesBelowMinPartners").size());
        String mandate = coverage.get("gaps").get("mandatesBelowMinPartners").get(0).get("id").asText();
        clickRow("#analysis-gap-partners", "mandate:" + mandate);
        waitFor(d -> mandate.equals(script("const s = window.civnetMap.cy.nodes(':selected'); return s.length ? s[0].id() : null")));

        String before = LocalDate.now().minusDays(1).toString();
        JsonNode earlier = http.getForObject("/api/reports/coverage?asOf=" + before, JsonNode.class);
        driver().get("http://localhost:" + port + "/#/map?analysis=coverage&asOf=" + before);
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.cssSelector("#analysis-coverage-table td[data-col=then]")).isEmpty());
        assertThat(css("#analysis-asof").getAttribute("value")).isEqualTo(before);
        regionRows = all("#analysis-coverage-table tbody tr[data-key]");
        for (int i = 0; i < regionRows.size(); i++) {
            assertThat(cell(regionRows.get(i), "then")).isEqualTo(percent(earlier.get("byRegion").get(i).get("share").asDouble()));
        }
        assertThat(all("#analysis-coverage-chart g[data-region] .bar-then")).hasSize(earlier.get("byRegion").size());
        assertThat(driver().getCurrentUrl()).contains("analysis=coverage").contains("asOf=" + before);
        css("#analysis-larger").click();
        waitFor(d -> "true".equals(d.findElement(By.id("analysis-larger")).getAttribute("aria-pressed")));
        assertThat(((Number) script("return window.civnetMap.cy.height()")).intValue()).as("the map keeps some room").isPositive();
        script("document.getElementById('analysis-body').scrollTop = 0");
        documentShot("analysis-coverage");
        css("#analysis-larger").click();
        checkAccessibility("coverage");

        // Closing the panel gives the map its room back and takes the analysis out of the address.
        css("#analysis-close").click();
        waitFor(d -> d.findElements(By.id("analysis-body")).isEmpty());
        assertThat(driver().getCurrentUrl()).doesNotContain("analysis=");
        assertNoConsoleErrors("top=100000&");
    }

    @Test
    void anAnalystSeesTheBrokersAsTheApiGivesThemToHer() {
        importer.importDocument(DemoNetworkGenerator.generate().document(), false);
        JsonNode brokers = as(Role.ANALYST).getForObject("/api/analysis/brokers?top=25", JsonNode.class).get("brokers");
        open("#/map?analysis=brokers");
        login("test-analyst", ROLE_PASSWORD);
        waitForMap();
        waitFor(ANALYSIS_TIMEOUT, d -> !d.findElements(By.cssSelector("#analysis-brokers-table tbody tr[data-key]")).isEmpty());
        List<WebElement> rows = all("#analysis-brokers-table tbody tr[data-key]");
        assertThat(rows).hasSize(brokers.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getAttribute("data-key")).isEqualTo(brokers.get(i).get("id").asText());
            assertThat(rows.get(i).findElement(By.cssSelector("td[data-col=name] .name")).getText())
                    .isEqualTo(brokers.get(i).get("name").asText());
        }
        assertNoConsoleErrors("top=100000&");
    }

    // -----------------------------------------------------------------------------------------
    // accessibility

    /** Every control of the panel: a name, reached by Tab, text ≥ 4.5:1 on its background. */
    private void checkAccessibility(String view) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> controls = (List<Map<String, Object>>) script(CONTROLS);
        assertThat(controls).as(view + ": controls").isNotEmpty();
        for (Map<String, Object> c : controls) {
            assertThat((String) c.get("name")).as(view + ": accessible name of " + c.get("what")).isNotBlank();
        }
        // Tab from the first tab of the strip through the panel; every control is reached.
        script("document.querySelector('#analysis-panel [role=tab]').focus()");
        Set<String> reached = new HashSet<>();
        reached.add(String.valueOf(script("return document.activeElement.dataset.a11y || ''")));
        int presses = controls.size() + 10;
        for (int i = 0; i < presses; i++) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            Object index = script("const a = document.activeElement; return a && a.closest('#analysis-panel') ? (a.dataset.a11y || '?') : 'out'");
            if ("out".equals(index)) {
                break;
            }
            reached.add(String.valueOf(index));
        }
        List<String> missed = controls.stream().map(c -> String.valueOf(c.get("index")))
                .filter(i -> !reached.contains(i)).toList();
        assertThat(missed).as(view + ": controls Tab never reaches: " + controls.stream()
                .filter(c -> missed.contains(String.valueOf(c.get("index")))).map(c -> c.get("what")).toList()).isEmpty();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> texts = (List<Map<String, Object>>) script(TEXT_COLOURS);
        assertThat(texts).as(view + ": text").isNotEmpty();
        for (Map<String, Object> t : texts) {
            double ratio = contrast(rgb((String) t.get("fg")), rgb((String) t.get("bg")));
            assertThat(ratio).as(view + ": contrast of \"" + t.get("text") + "\" (" + t.get("fg") + " on " + t.get("bg") + ")")
                    .isGreaterThanOrEqualTo(4.5);
        }
    }

    /** The panel's focusable controls (visible, enabled), each numbered, with its accessible name. */
    private static final String CONTROLS = """
            const panel = document.getElementById('analysis-panel');
            const list = [...panel.querySelectorAll('button, input, select, textarea, a[href], [tabindex]')]
              .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);
            return list.map((e, i) => {
              e.dataset.a11y = String(i);
              let name = e.getAttribute('aria-label') || '';
              if (!name && e.getAttribute('aria-labelledby')) {
                name = e.getAttribute('aria-labelledby').split(/\\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
              }
              if (!name && e.id) name = [...document.querySelectorAll('label')].filter(l => l.htmlFor === e.id).map(l => l.textContent).join(' ');
              if (!name && e.closest('label')) name = e.closest('label').textContent;
              if (!name && (e.tagName === 'BUTTON' || e.tagName === 'A')) name = e.textContent;
              return {index: String(i), name: name.trim(), what: e.tagName + '#' + (e.id || e.dataset.key || e.textContent.trim().slice(0, 30))};
            });
            """;

    /** Every element of the panel with text of its own: its colour (SVG: fill) and the background behind it. */
    private static final String TEXT_COLOURS = """
            const panel = document.getElementById('analysis-panel');
            const out = [];
            const background = (e) => {
              for (let n = e; n; n = n.parentElement) {
                const bg = getComputedStyle(n).backgroundColor;
                const m = bg.match(/rgba?\\(([^)]+)\\)/);
                if (m) {
                  const parts = m[1].split(',').map(Number);
                  if (parts.length < 4 || parts[3] > 0.5) return bg;
                }
              }
              return 'rgb(255, 255, 255)';
            };
            for (const e of panel.querySelectorAll('*')) {
              const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
              if (!own || e.getClientRects().length === 0 || e.closest('button:disabled')) continue;
              const style = getComputedStyle(e);
              if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
              const svgText = e instanceof SVGElement;
              out.push({text: own.slice(0, 40), fg: svgText ? style.fill : style.color, bg: background(svgText ? e.closest('svg') : e)});
            }
            return out;
            """;

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[ ,]+([\\d.]+)[ ,]+([\\d.]+)");

    private static double[] rgb(String css) {
        Matcher m = RGB.matcher(css);
        assertThat(m.find()).as("a colour: " + css).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** WCAG 2 relative luminance. */
    private static double luminance(double[] c) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            lin[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    // -----------------------------------------------------------------------------------------
    // helpers

    private void waitForMap() {
        waitFor(MAP_TIMEOUT, d -> Boolean.TRUE.equals(script("return Boolean(window.civnetMap && window.civnetMap.ready)")));
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']")).getText().trim();
    }

    private WebElement row(String table, String key) {
        return css(table + " tbody tr[data-key='" + key + "']");
    }

    private void clickCentred(String selector) {
        WebElement element = css(selector);
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Clicks a row with the mouse, after scrolling it clear of the table's sticky header. */
    private void clickRow(String table, String key) {
        WebElement row = row(table, key);
        script("arguments[0].scrollIntoView({block: 'center'})", row);
        row.click();
    }

    private String firstKey(String table) {
        List<WebElement> rows = all(table + " tbody tr[data-key]");
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-key");
    }

    private List<String> strings(String script, Object... args) {
        return ((List<?>) script(script, args)).stream().map(String::valueOf).toList();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** The node is drawn in the middle of the map's canvas. */
    private void assertCentred(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) script("""
                const cy = window.civnetMap.cy, p = cy.getElementById(arguments[0]).renderedPosition();
                return {x: p.x, y: p.y, w: cy.width(), h: cy.height()};
                """, id);
        double x = ((Number) at.get("x")).doubleValue();
        double y = ((Number) at.get("y")).doubleValue();
        assertThat(x).as("x of " + id).isCloseTo(((Number) at.get("w")).doubleValue() / 2, org.assertj.core.data.Offset.offset(3.0));
        assertThat(y).as("y of " + id).isCloseTo(((Number) at.get("h")).doubleValue() / 2, org.assertj.core.data.Offset.offset(3.0));
    }

    /** The first of the ids whose centre no other visible node covers (a click there hits it). */
    private static final String UNCOVERED_NODE = """
            const cy = window.civnetMap.cy;
            const visible = cy.nodes(':visible');
            for (const id of arguments[0]) {
              const n = cy.getElementById(id);
              if (n.empty() || !n.visible()) continue;
              const p = n.position();
              const covered = visible.some(o => o.id() !== id
                && Math.hypot(o.position().x - p.x, o.position().y - p.y) < o.data('size') / 2 + 4);
              if (!covered) return id;
            }
            return null;
            """;

    /** The row is within its scrolling panel's visible part. */
    private static final String IN_VIEW = """
            const row = arguments[0].getBoundingClientRect();
            const box = document.getElementById('analysis-body').getBoundingClientRect();
            return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
            """;

    /** Brings a node into the middle of the canvas and clicks it with the mouse. */
    private void clickNode(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) script("""
                const cy = window.civnetMap.cy, node = cy.getElementById(arguments[0]);
                const zoom = Math.max(1.5, 30 / node.data('size')), p = node.position();
                cy.viewport({zoom, pan: {x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom}});
                const r = node.renderedPosition();
                return {x: r.x, y: r.y};
                """, id);
        WebElement canvas = driver().findElement(By.id("cy"));
        int dx = (int) Math.round(((Number) at.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(((Number) at.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(driver()).moveToElement(canvas, dx, dy).click().perform();
    }
}
