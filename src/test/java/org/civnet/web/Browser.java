package org.civnet.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}). When they are missing the test fails, never skips, so CI cannot
 * pass without having driven the page. Selenium Manager is never asked to download anything: the
 * driver and the browser are given by path ({@code -Dcivnet.chromium=…}, {@code -Dcivnet.chromedriver=…}
 * override the Debian locations).
 */
final class Browser implements AutoCloseable {

    static final Path OUTPUT = Path.of("target", "map-page");

    private final WebDriver driver;
    private final Path downloads;

    private Browser(WebDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static Browser start() throws IOException {
        Path chromium = executable("civnet.chromium", "/usr/bin/chromium", "chromium", "chromium-browser");
        Path chromedriver = executable("civnet.chromedriver", "/usr/bin/chromedriver", "chromedriver");
        Files.createDirectories(OUTPUT);
        Path downloads = Files.createDirectories(OUTPUT.resolve("downloads")).toAbsolutePath();
        Path profile = Files.createTempDirectory("civnet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Every page counts its requests still unanswered (see #requestsInFlight).
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_FETCHES));
        Browser browser = new Browser(driver, downloads);
        browser.clearDownloads();
        return browser;
    }

    /** Wraps the page's fetch: window.__civnetFetches is how many of its requests are not answered yet. */
    private static final String COUNT_FETCHES = """
            (() => {
              const fetch = window.fetch;
              let pending = 0;
              Object.defineProperty(window, '__civnetFetches', { get: () => pending });
              window.fetch = function (...args) {
                pending += 1;
                return fetch.apply(this, args).finally(() => { pending -= 1; });
              };
            })();
            """;

    /**
     * How many requests of the page are not answered yet. The server answers only after it has done
     * (and audited) the work, so at 0 nothing this page asked for is still being written.
     */
    long requestsInFlight() {
        Object n = script("return window.__civnetFetches || 0");
        return n instanceof Number number ? number.longValue() : 0;
    }

    /** Empties the download folder, so the next {@link #download} is the file the page just saved. */
    void clearDownloads() throws IOException {
        try (var old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Path executable(String property, String debianPath, String... names) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            fail(property + "=" + configured + " is not an executable file");
        }
        if (Files.isExecutable(Path.of(debianPath))) {
            return Path.of(debianPath);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (!dir.isBlank() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(debianPath + " not found: the map page test needs Debian's chromium and chromium-driver "
                + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot under {@link #OUTPUT} and returns its path. */
    Path screenshot(String name) throws IOException {
        Path file = OUTPUT.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file.toAbsolutePath();
    }

    /** The completed download whose name ends with {@code suffix} (call {@link #clearDownloads} first). */
    Path download(String suffix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                if (done.size() == 1) {
                    return done.get(0);
                }
                if (done.size() > 1) {
                    return fail("several " + suffix + " downloads in " + downloads + ": " + done);
                }
            }
            Thread.sleep(100);
        }
        return fail("no " + suffix + " download in " + downloads + " after " + timeout);
    }

    /** Browser console entries at SEVERE level (script errors, CSP violations, failed requests). */
    List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Quits the browser; if it does not answer (e.g. a script is still running), ends the
     * chromedriver and Chromium processes this JVM started, so none outlives the test.
     */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }
}
