package com.fitnesscrm.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven by its chromedriver, for the browser tests (*BT). Skipped without them, or on request
 * ({@code -DskipBrowserTests=true}), except when {@code CI=true}, where a missing browser fails the build.
 */
public record HeadlessChromium(WebDriver browser, WebDriverWait waiting) implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public static HeadlessChromium start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeFalse(Boolean.getBoolean("skipBrowserTests"), "browser tests skipped on request");
            Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No background networking: this machine's closed network refuses it, many connections at a time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The console, so tests can see what the Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        return new HeadlessChromium(browser, new WebDriverWait(browser, Duration.ofSeconds(60)));
    }

    /** Logs in through the login form as the first admin and waits for the dashboard. */
    public void logInAsAdmin(int port) {
        browser.get("http://localhost:" + port + "/login");
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-button[theme~='submit']")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("database-card")));
    }

    /**
     * The console messages since the last call that report something the Content-Security-Policy refused (Chromium
     * logs every violation as an error naming the directive).
     */
    public List<String> contentSecurityPolicyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")
                        || message.contains("Content-Security-Policy")).toList();
    }

    /** Every console message since the last call, for a failure message. */
    public List<String> console() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
