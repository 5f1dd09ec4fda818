package com.fitnesscrm.orchestrator.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The week grid is laid out by CSS alone (no frontend build), which Karibu cannot see: in Chromium each suggested
 * slot sits in its day's column, an hour tall, inside the working hours drawn behind it. The screenshot goes to
 * {@code target/screenshots/schedule.png}.
 */
@ServerIntegrationTest
class ScheduleBT {

    private static final Path SHOTS = Path.of("target", "screenshots");

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
    void the_suggested_slots_sit_in_their_days_columns_an_hour_tall_inside_the_working_hours() throws Exception {
        chromium.logInAsAdmin(port);
        var browser = chromium.browser();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.get("http://localhost:" + port + "/schedule");
        WebElement week = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.id("schedule-week")));
        LocalDate nextWeek = LocalDate.now(clock).plusWeeks(1).with(DayOfWeek.WEDNESDAY);
        js.executeScript("arguments[0].value = arguments[1]", week, nextWeek.toString());
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.id("schedule-suggest"))).click();
        chromium.waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".schedule-slot"),
                2));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slots = (List<Map<String, Object>>) js.executeScript("""
                return [...document.querySelectorAll('.schedule-slot')].map(e => {
                  const r = e.getBoundingClientRect();
                  return {text: e.getAttribute('aria-label'), x: r.left, y: r.top, w: r.width, h: r.height};
                });""");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) js.executeScript("""
                return [...document.querySelectorAll('.schedule-day')].map(e => {
                  const r = e.getBoundingClientRect();
                  return {text: e.innerText, x: r.left, w: r.width};
                });""");
        assertThat(days).hasSize(7);
        for (Map<String, Object> slot : slots) {
            String day = ((String) slot.get("text")).substring(0, 3);
            Map<String, Object> column = days.stream().filter(d -> ((String) d.get("text")).startsWith(day))
                    .findFirst().orElseThrow();
            assertThat(number(slot, "x")).as(slot.toString()).isCloseTo(number(column, "x"),
                    org.assertj.core.data.Offset.offset(2.0));
            assertThat(number(slot, "h")).as("an hour is four quarter-hour rows: %s", slot).isGreaterThan(40);
            assertThat(number(slot, "w")).as(slot.toString()).isGreaterThan(60);
        }
        WebElement available = browser.findElement(By.cssSelector(".schedule-available"));
        assertThat(available.getRect().getHeight()).as("13 working hours").isGreaterThan(10 * 40);

        WebElement grid = browser.findElement(By.id("schedule-week-grid"));
        js.executeScript("arguments[0].scrollIntoView()", grid);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("schedule.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
