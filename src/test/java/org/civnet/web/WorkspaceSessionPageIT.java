package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;

/**
 * The page's session in a real browser: a reload keeps her in and on her view; an idle session
 * ends (the page says so and shows the login form, and what she was typing is not sent); a write
 * without the session's CSRF token is refused and writes nothing.
 */
class WorkspaceSessionPageIT extends WorkspacePageTest {

    @Test
    void aReloadKeepsHerInOnTheSameView() {
        open("#/me");
        login("admin", ADMIN_PASSWORD);
        waitFor(d -> !d.findElements(By.id("me-title")).isEmpty());
        driver().navigate().refresh();
        waitFor(d -> !d.findElements(By.id("me-title")).isEmpty());
        assertThat(driver().findElement(By.id("login-view")).isDisplayed()).isFalse();
        assertThat(driver().getCurrentUrl()).endsWith("#/me");
        assertThat(driver().findElement(By.id("session-user")).getText()).isEqualTo("admin");
    }

    @Test
    void anIdleSessionEndsAndThePageAsksHerToLogInAgain() throws Exception {
        open("#/me");
        login("admin", ADMIN_PASSWORD);
        waitFor(d -> !d.findElements(By.id("me-title")).isEmpty());
        // Thirty-one minutes without a request (the default idle timeout is 30), as PageSessionIT does.
        try (Session session = driver.session()) {
            session.run("MATCH (s:WebSession) SET s.lastAccessedTime = s.lastAccessedTime - $idle",
                    Map.of("idle", 31L * 60 * 1000)).consume();
        }
        // She goes on working: the next request finds the session ended.
        driver().findElement(By.id("me-create-toggle")).click();
        css("#me-create input[name='name']").sendKeys("Hana Late");
        new org.openqa.selenium.support.ui.Select(css("#me-create select[name='country']")).selectByValue("CH");
        css("#me-create button[type='submit']").click();
        waitFor(d -> d.findElement(By.id("login-view")).isDisplayed());
        assertThat(driver().findElement(By.id("login-error")).getText()).contains("session has ended");
        assertThat(http.getForObject("/api/contacts?q=Hana Late", JsonNode.class).get("total").asLong()).isZero();
        shot("session-ended");
        // Logging in again brings the workspace back.
        login("admin", ADMIN_PASSWORD);
        assertThat(driver().findElement(By.id("nav")).isDisplayed()).isTrue();
        // The refused write: an ended session fails on its CSRF token (403) before the login (401).
        assertNoConsoleErrors("/api/contacts - Failed to load resource: the server responded with a status of 403");
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefusedAndWritesNothing() {
        open("#/me");
        login("admin", ADMIN_PASSWORD);
        waitFor(d -> !d.findElements(By.id("me-title")).isEmpty());
        // The session cookie goes with a same-origin fetch; the CSRF token does not unless the page adds it.
        Object status = browser.script("""
                return fetch('/api/contacts', {method: 'POST', credentials: 'same-origin',
                  headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
                  body: JSON.stringify({name: 'Forged Contact', country: 'CH'})}).then(r => r.status);
                """);
        assertThat(status).isEqualTo(403L);
        assertThat(http.getForObject("/api/contacts?q=Forged", JsonNode.class).get("total").asLong()).isZero();
        // The page's own write, with the token, works.
        driver().findElement(By.id("me-create-toggle")).click();
        css("#me-create input[name='name']").sendKeys("Hana Officer");
        new org.openqa.selenium.support.ui.Select(css("#me-create select[name='country']")).selectByValue("CH");
        css("#me-create button[type='submit']").click();
        waitFor(d -> !d.findElements(By.cssSelector("#me-current a")).isEmpty());
        JsonNode me = http.getForObject("/api/me", JsonNode.class);
        JsonNode created = http.getForObject("/api/contacts?q=Hana Officer", JsonNode.class).get("items").get(0);
        assertThat(me.get("contact").asText()).isEqualTo(created.get("id").asText());
        assertNoConsoleErrors("/api/contacts - Failed to load resource: the server responded with a status of 403");
    }
}
