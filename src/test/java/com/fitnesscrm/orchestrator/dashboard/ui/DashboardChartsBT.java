package com.fitnesscrm.orchestrator.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The dashboard's charts draw in a real Chromium: ECharts loads from its webjar under the Content-Security-Policy,
 * each chart has a canvas of real size, hovering shows the values, and light and dark are saved as screenshots
 * ({@code target/screenshots/dashboard-charts-*.png}) for a person to look at. The figures come from
 * {@link FakeMetricsReader}, so that every chart has something to draw.
 */
@ServerIntegrationTest
@Import(FakeMetricsReader.Config.class)
class DashboardChartsBT {

    private static final List<String> CHARTS = List.of("runs-chart", "time-chart", "cost-chart", "failures-chart",
            "tokens-chart", "helpful-chart");

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
    void the_charts_draw_show_values_on_hover_and_read_in_light_and_dark() throws Exception {
        chromium.logInAsAdmin(port);
        browser.manage().window().setSize(new Dimension(1400, 2200));
        for (String id : CHARTS) {
            wait.until(driver -> canvasSize(id)[0] > 0 && canvasSize(id)[1] > 0);
        }
        saveScreenshot("dashboard-charts-light");

        // The mouse over the first period's bar: ECharts shows that period's values per status.
        WebElement runs = browser.findElement(By.id("runs-chart"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", runs);
        List<?> bar = (List<?>) script("return document.getElementById('runs-chart').$chart"
                + ".convertToPixel({seriesIndex: 0}, [0, 3]);");
        int x = (int) Math.round(((Number) bar.get(0)).doubleValue()) - runs.getSize().getWidth() / 2;
        int y = (int) Math.round(((Number) bar.get(1)).doubleValue()) - runs.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(runs, x, y).pause(200).moveByOffset(1, 1).perform();
        wait.until(driver -> runs.getText().contains("Failed"));
        assertThat(runs.getText()).contains("Succeeded").contains("6").contains("Failed").contains("2");
        saveScreenshot("dashboard-charts-tooltip");

        browser.findElement(By.id("theme-toggle")).click();
        wait.until(driver -> String.valueOf(script("return (document.documentElement.getAttribute('theme') || '')"
                + " + ' ' + (document.body.getAttribute('theme') || '')")).contains("dark"));
        Thread.sleep(500);
        saveScreenshot("dashboard-charts-dark");
        assertThat(chromium.contentSecurityPolicyViolations()).as(chromium.console().toString()).isEmpty();
    }

    private long[] canvasSize(String id) {
        Object size = script("const c = document.querySelector('#" + id + " canvas');"
                + "return c ? [c.clientWidth, c.clientHeight] : [0, 0];");
        List<?> both = (List<?>) size;
        return new long[] {((Number) both.get(0)).longValue(), ((Number) both.get(1)).longValue()};
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
