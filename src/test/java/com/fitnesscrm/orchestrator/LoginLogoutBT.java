package com.fitnesscrm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real headless Chromium logs in as the first admin, sees the live dashboard, and logs out. Needs Debian's
 * {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); skipped without them except when
 * {@code CI=true}, where a missing browser fails the build.
 */
@ServerIntegrationTest
class LoginLogoutBT {

    @LocalServerPort
    private int port;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        wait = chromium.waiting();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_admin_logs_in_sees_the_live_dashboard_and_logs_out() throws Exception {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        username.sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(IntegrationTest.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-button[theme~='submit']")).click();

        WebElement database = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("database-card")));
        wait.until(ExpectedConditions.textToBePresentInElement(database, "Reachable"));
        assertThat(database.getText()).contains("PostgreSQL 15.");
        assertThat(browser.findElement(By.id("scheduler-card")).getText()).contains("Running");
        saveScreenshot("dashboard");
        // The login page and the live dashboard ran under the Content-Security-Policy without a refusal.
        assertThat(chromium.contentSecurityPolicyViolations()).isEmpty();
        // The policy is on and the check sees it: an image from elsewhere is refused and reported.
        ((JavascriptExecutor) browser).executeScript("const img = document.createElement('img');"
                + "img.src = 'http://evil.example/pixel.png'; document.body.appendChild(img);");
        wait.until(driver -> !chromium.contentSecurityPolicyViolations().isEmpty());

        // An unknown address keeps the frame and offers the way back.
        browser.get("http://localhost:" + port + "/no-such-page");
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains("Page not found");
        assertThat(browser.findElement(By.id("logout")).isDisplayed()).isTrue();
        assertThat(chromium.contentSecurityPolicyViolations()).isEmpty();

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));

        browser.get("http://localhost:" + port + "/users");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("database-card"))).isEmpty();
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
