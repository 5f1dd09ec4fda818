package com.fitnesscrm.orchestrator.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server-drawn SVG chart really shows in Chromium: served as {@code image/svg+xml} through the view's download
 * handler, decoded by the browser into an image of the chart's size (no npm build, no client-side chart library).
 */
@ServerIntegrationTest
class ClientProgressBT {

    @LocalServerPort
    private int port;
    @Autowired
    private Clock clock;
    private HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_trainer_tool_draws_the_progress_chart_in_a_real_browser() throws Exception {
        chromium.logInAsAdmin(port);
        var browser = chromium.browser();
        browser.get("http://localhost:" + port + "/client-progress");
        WebElement csv = chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#progress-csv textarea")));
        csv.sendKeys(csv());
        browser.findElement(By.cssSelector("#progress-target input")).sendKeys("82");
        browser.findElement(By.id("progress-analyse")).click();

        WebElement chart = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("chart-weight_kg")));
        chromium.waiting().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", chart)));
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", chart);
        assertThat(width.intValue()).isEqualTo(ProgressChart.WIDTH);
        assertThat(browser.findElement(By.id("progress-insights")).getText()).contains("reaches 82 kg between");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", chart);
        Path shot = Path.of("target", "screenshots", "client-progress.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String csv() {
        LocalDate today = LocalDate.now(clock);
        StringBuilder csv = new StringBuilder("date,weight_kg\n");
        for (int d = 42; d >= 0; d--) {
            double kg = 88 - 0.5 * (42 - d) / 7 + (d % 3 - 1) * 0.3;
            csv.append(today.minusDays(d)).append(',').append(String.format(Locale.ROOT, "%.1f", kg)).append('\n');
        }
        return csv.toString();
    }
}
