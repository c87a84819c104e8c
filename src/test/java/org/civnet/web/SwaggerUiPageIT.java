package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An API consumer tries civnet in Swagger UI as a person would: she opens {@code /swagger-ui.html},
 * clicks Authorize, pastes her API token (made with {@code POST /api/tokens}), opens the centrality
 * report, clicks Try it out and Execute, and reads a 200 with the report. Swagger UI runs under
 * civnet's Content Security Policy with nothing refused in the console.
 */
class SwaggerUiPageIT extends WorkspacePageTest {

    @Test
    void aConsumerAuthorizesWithATokenAndTriesTheCentralityReport() throws Exception {
        // A small network to report on: a broker between two pairs.
        for (String[] c : new String[][] {{"c-amina", "Amina"}, {"c-bruno", "Bruno"}, {"c-chen", "Chen"}, {"c-dora", "Dora"}}) {
            assertThat(send(http, org.springframework.http.HttpMethod.POST, "/api/contacts",
                    "{\"id\":\"" + c[0] + "\",\"name\":\"" + c[1] + "\",\"country\":\"KE\"}").getStatusCode().is2xxSuccessful()).isTrue();
        }
        for (String[] t : new String[][] {{"c-amina", "c-bruno"}, {"c-bruno", "c-chen"}, {"c-chen", "c-dora"}}) {
            assertThat(send(http, org.springframework.http.HttpMethod.POST, "/api/ties",
                    "{\"type\":\"KNOWS\",\"from\":\"" + t[0] + "\",\"to\":\"" + t[1] + "\",\"trust\":4}").getStatusCode().is2xxSuccessful()).isTrue();
        }
        // Her token, as the README says: POST /api/tokens as herself (an analyst).
        JsonNode created = send(as(Role.ANALYST), org.springframework.http.HttpMethod.POST, "/api/tokens",
                "{\"name\":\"swagger-" + System.nanoTime() + "\",\"expiresInDays\":1}").getBody();
        String token = created.get("token").asText();
        assertThat(token).startsWith("cvn_");

        driver().manage().deleteAllCookies();
        browser.severeConsoleEntries();
        driver().get("http://localhost:" + port + "/swagger-ui.html");
        WebElement authorize = css(".auth-wrapper button.authorize");
        assertThat(css(".info .title").getText()).contains("civnet API");

        // Authorize: the bearer scheme's field, its own Authorize button, then Close.
        authorize.click();
        WebElement bearer = find(By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'bearerAuth')]]"));
        WebElement value = bearer.findElement(By.cssSelector("input"));
        value.sendKeys(token);
        bearer.findElement(By.cssSelector("button.authorize")).click();
        waitFor(d -> bearer.findElements(By.cssSelector("input")).isEmpty() || bearer.getText().contains("Logout"));
        find(By.xpath("//div[contains(@class,'auth-btn-wrapper')]//button[contains(.,'Close')]")).click();
        waitFor(d -> d.findElements(By.cssSelector(".dialog-ux .modal-ux")).isEmpty());

        // The centrality report (tag "reports"): open it, Try it out, Execute.
        WebElement summary = css(".opblock-summary-path[data-path='/api/reports/centrality']");
        WebElement operation = summary.findElement(By.xpath("./ancestor::div[contains(@class,'opblock ')]"));
        summary.click();
        WebElement tryIt = waitForIn(operation, "button.try-out__btn");
        // The scope is offered as separate optional fields, not one JSON object.
        for (String name : new String[] {"nodes", "ties", "minTrust", "since", "region", "theme"}) {
            assertThat(operation.findElements(By.cssSelector("tr[data-param-name='" + name + "'][data-param-in='query']")))
                    .as("parameter " + name).hasSize(1);
        }
        assertThat(operation.findElements(By.cssSelector("tr[data-param-name='query']"))).isEmpty();
        scrollTo(tryIt);
        tryIt.click();
        WebElement metric = waitForIn(operation, "tr[data-param-name='metric'] input");
        metric.clear();
        metric.sendKeys("betweenness");
        WebElement execute = waitForIn(operation, "button.execute");
        scrollTo(execute);
        execute.click();

        waitFor(Duration.ofSeconds(60), d -> !operation.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).isEmpty());
        WebElement status = operation.findElement(By.cssSelector(".live-responses-table tr.response .response-col_status"));
        assertThat(status.getText().trim()).startsWith("200");
        String body = operation.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description pre")).getText();
        assertThat(body).contains("\"scores\"").contains("\"metric\": \"betweenness\"").contains("c-bruno");
        // The request went out with her token, and no scope object.
        String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
        assertThat(curl).contains("Authorization: Bearer " + token).contains("metric=betweenness").doesNotContain("query=");
        // The picture: her request (curl, with the token), the 200 and the start of the report.
        script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);",
                operation.findElement(By.cssSelector(".curl-command")));
        documentShot("swagger-try-it-out");

        // Through the API: the same call with her token answers the same report.
        JsonNode report = anonymous.exchange("/api/reports/centrality?metric=betweenness", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearerHeaders(token)), JsonNode.class).getBody();
        assertThat(report.at("/scores/0/id").asText()).isIn("c-bruno", "c-chen");
        assertNoConsoleErrors();
    }

    private WebElement waitForIn(WebElement parent, String selector) {
        waitFor(d -> !parent.findElements(By.cssSelector(selector)).isEmpty());
        return parent.findElement(By.cssSelector(selector));
    }

    private void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static org.springframework.http.HttpHeaders bearerHeaders(String token) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
