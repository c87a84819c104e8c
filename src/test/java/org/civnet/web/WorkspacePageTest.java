package org.civnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the workspace's browser tests: a real headless Chromium at 1280×720 (the smallest screen
 * the page must serve), logged in through the page's own form, moving between views by the top
 * bar as a person would. Screenshots land in {@code target/workspace/}; {@link #documentShot} also
 * copies one into {@code docs/screenshots/} for the README.
 */
public abstract class WorkspacePageTest extends IntegrationTest {

    /** The password of the users {@code as(Role)} creates (see IntegrationTest). */
    protected static final String ROLE_PASSWORD = "test-role-password-1";
    protected static final Path SHOTS = Path.of("target", "workspace");

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
        browser.driver().manage().window().setSize(new Dimension(1280, 720));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /**
     * A test ends when it has seen what it checks, often while its page is still reading (the map
     * asks for the graph, coalitions, sizes and coverage at login, each audited). The next test's
     * clear() then ran while those requests appended to the audit chain: an entry written after the
     * chain was emptied took a place the next test's entries needed (AuditPageIT: "AuditEntry seq = 3
     * already exists"). Wait until the page has no request unanswered, then leave it so it asks for
     * nothing more.
     */
    @AfterEach
    void leaveThePageQuiet() {
        if (browser == null) {
            return;
        }
        try {
            waitFor(Duration.ofSeconds(60), d -> browser.requestsInFlight() == 0);
        } catch (org.openqa.selenium.UnhandledAlertException e) {
            driver().switchTo().alert().dismiss();
        }
        driver().get("http://localhost:" + port + "/app/map.css");
    }

    protected WebDriver driver() {
        return browser.driver();
    }

    /** The page at {@code hash} (e.g. "#/find"), logged out: no cookie of an earlier test is left. */
    protected void open(String hash) {
        driver().get("http://localhost:" + port + "/app/map.css");
        driver().manage().deleteAllCookies();
        // The console of the test before (requests its last view still made) is not this test's.
        browser.severeConsoleEntries();
        driver().get("http://localhost:" + port + "/" + (hash == null ? "" : hash));
        waitFor(d -> d.findElement(By.id("login-username")).isDisplayed());
    }

    /** Logs in through the form and waits for the top bar. */
    protected void login(String username, String password) {
        WebElement user = driver().findElement(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver().findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        driver().findElement(By.id("login-submit")).click();
        waitFor(d -> d.findElement(By.id("nav")).isDisplayed());
    }

    /**
     * Clicks a top-bar link by its view name ("find", "introductions", …) and waits for the view. The
     * click returns before the hashchange handler runs, and the view before may have {@code ready}
     * too (Find introducers left for Find introducers): wait for the router to have handled the
     * change first (unless the link is where she already is: nothing changes then).
     */
    protected void goTo(String view, By ready) {
        WebElement link = driver().findElement(By.cssSelector("#nav a[data-view='" + view + "']"));
        if (String.valueOf(link.getDomAttribute("href")).equals(script("return location.hash"))) {
            link.click();
        } else {
            afterHashChange(link::click);
        }
        waitFor(d -> !d.findElements(ready).isEmpty());
    }

    /**
     * Goes to {@code hash} ("#/contacts/c-1") by the address, as a bookmark would, and waits until the
     * router has handled it: driver().get of a fragment returns before the hashchange handler runs,
     * and until then every element found is the view before's.
     */
    protected void navigateTo(String hash) {
        String url = "http://localhost:" + port + "/" + hash;
        if (url.equals(driver().getCurrentUrl())) {
            driver().get(url); // already there: the same address changes nothing, the view stays
        } else {
            afterHashChange(() -> driver().get(url));
        }
    }

    /**
     * Runs {@code action} (which changes the address's fragment) and waits until the router's
     * hashchange handler has run: it replaces the view synchronously (router.js show), and a listener
     * added after the router's runs after it. A view the router keeps (a query the view wrote into
     * the address itself) is kept; no waiting for a replacement that never comes.
     */
    private void afterHashChange(Runnable action) {
        script("window.__civnetHashHandled = false;"
                + "window.addEventListener('hashchange', () => { window.__civnetHashHandled = true; }, {once: true});");
        action.run();
        waitFor(d -> Boolean.TRUE.equals(script("return window.__civnetHashHandled === true")));
    }

    /**
     * Types {@code text} into the picker inside {@code scope} ("" for the view's only picker) and
     * returns the match with {@code id} once the results answer all of {@code text} (the list's
     * data-query, ui.js). Results of a prefix typed on the way can hold the same id at another place;
     * clicking one of them as the list is redrawn for the whole text would pick someone else, or
     * nobody (a stale element).
     */
    protected WebElement pickerMatch(String scope, String text, String id) {
        type(css(scope + " .picker input"), text);
        String list = scope + " ul.picker-results";
        By match = By.cssSelector(list + "[data-query='" + text.trim().replace("'", "\\'") + "'] li[data-id='" + id + "']");
        return find(match);
    }

    /** Picks the match with {@code id} from the picker inside {@code scope} (see {@link #pickerMatch}). */
    protected void pickFrom(String scope, String text, String id) {
        pickerMatch(scope, text, id).click();
    }

    protected WebElement find(By by) {
        waitFor(d -> !d.findElements(by).isEmpty());
        return driver().findElement(by);
    }

    protected WebElement css(String selector) {
        return find(By.cssSelector(selector));
    }

    protected List<WebElement> all(String selector) {
        return driver().findElements(By.cssSelector(selector));
    }

    /** Types into a field after emptying it. */
    protected void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    protected Object script(String script, Object... args) {
        return browser.script(script, args);
    }

    protected void waitFor(Function<WebDriver, Boolean> condition) {
        waitFor(Duration.ofSeconds(30), condition);
    }

    /** Waits until {@code condition} holds; an element redrawn while it is checked is checked again. */
    protected void waitFor(Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** A screenshot under target/workspace/. */
    protected Path shot(String name) throws IOException {
        Path file = SHOTS.resolve(name + ".png");
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file.toAbsolutePath();
    }

    /**
     * A screenshot for the README: under target/workspace/ and, when the build runs in the
     * repository, also docs/screenshots/NAME.png (the README shows one per view).
     */
    protected Path documentShot(String name) throws IOException {
        Path file = shot(name);
        Path docs = Path.of("docs", "screenshots");
        if (Files.isDirectory(Path.of("docs"))) {
            Files.createDirectories(docs);
            Files.copy(file, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** No script error or CSP violation in the console, except entries containing one of {@code allowed}. */
    protected void assertNoConsoleErrors(String... allowed) {
        List<String> ok = new ArrayList<>(List.of(allowed));
        assertThat(browser.severeConsoleEntries())
                .as("browser console errors")
                .allMatch(entry -> ok.stream().anyMatch(entry::contains));
    }
}
