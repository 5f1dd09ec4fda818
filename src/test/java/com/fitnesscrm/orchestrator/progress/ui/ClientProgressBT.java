package com.fitnesscrm.orchestrator.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.UserService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The server-drawn SVG chart really shows in Chromium, inline in the page (no npm build, no client-side chart
 * library), in the light and the dark theme: a trainer loads a CRM client's weigh-ins and the chart, its legend and
 * its axis ticks are there, and its area is light in the light theme and dark in the dark one (it was a white box).
 * Screenshots go to {@code target/screenshots/}.
 */
@ServerIntegrationTest
class ClientProgressBT {

    private static final String TRAINER = "coach@gym.example"; // the CRM's trainer Maria Coach, matched by e-mail
    private static final String PASSWORD = "trainer-password-for-browser-tests";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    private int port;
    @Autowired
    private Clock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CrmDirectory directory;
    @Autowired
    private UserService users;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    private HeadlessChromium chromium;
    private CrmTables crm;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (crm != null) {
            crm.close();
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

        WebElement svg = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#chart-weight_kg svg")));
        Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().width", svg);
        assertThat(width.intValue()).isGreaterThan(ProgressChart.WIDTH / 2);
        assertThat(browser.findElement(By.id("progress-insights")).getText()).contains("reaches 82 kg between");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", svg);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("client-progress.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void the_chart_of_a_crm_client_has_its_legend_and_ticks_and_follows_the_light_and_dark_theme() throws Exception {
        crm = CrmTables.create(jdbc, directory);
        addWeighIns();
        ensureTrainer();
        logIn();
        WebDriver browser = chromium.browser();
        browser.get("http://localhost:" + port + "/client-progress");
        WebElement picker = chromium.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#progress-client input")));
        picker.sendKeys("Tom");
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-combo-box-item[contains(., 'Tom Client')]"))).click();
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.id("progress-load-history"))).click();
        chromium.waiting().until(driver -> !driver.findElement(By.cssSelector("#progress-csv textarea"))
                .getDomProperty("value").isBlank());
        browser.findElement(By.id("progress-analyse")).click();
        WebElement chart = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#chart-weight_kg svg")));

        List<String> legend = browser.findElements(By.cssSelector("#chart-weight_kg .pc-legend-item")).stream()
                .map(WebElement::getText).toList();
        assertThat(legend).contains("Readings", "Trend (moving average)", "Goal 76.0 kg");
        List<WebElement> yTicks = chart.findElements(By.cssSelector("text.pc-y-tick"));
        assertThat(yTicks).hasSizeBetween(4, 6).allSatisfy(tick -> assertThat(tick.getText()).matches("\\d+(\\.\\d)?"));
        assertThat(chart.findElements(By.cssSelector("text.pc-x-tick"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chart.findElement(By.cssSelector("text.pc-unit")).getText()).isEqualTo("kg");

        setTheme(false);
        double light = luminance(shoot(chart, "light"));
        setTheme(true);
        double dark = luminance(shoot(chart, "dark"));
        String tickFill = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0]).fill", yTicks.get(0));
        setTheme(false); // the choice is remembered per user

        assertThat(light).as("average luminance of the chart in the light theme").isGreaterThan(0.7);
        assertThat(dark).as("average luminance of the chart in the dark theme").isLessThan(0.3);
        assertThat(relativeLuminance(tickFill)).as("tick labels in the dark theme, %s", tickFill).isGreaterThan(0.3);
    }

    /** Eight weeks of weigh-ins up to today for Tom Client (id 1), losing about 0.4 kg a week, one typo. */
    private void addWeighIns() {
        LocalDate today = LocalDate.now(clock);
        for (int d = 56; d >= 0; d -= 2) {
            double kg = 82 - 0.4 * (56 - d) / 7.0 + (d % 3 - 1) * 0.25 + (d == 20 ? 4 : 0);
            jdbc.update("INSERT INTO measurements (client_id, measurement_date, weight, weight_unit, "
                    + "body_fat_percentage, created_at) VALUES (1, ?, ?, 'kg', ?, ?)",
                    Timestamp.valueOf(today.minusDays(d).atTime(7, 30)), kg, 23.5 - 0.05 * (56 - d) / 7.0,
                    Timestamp.valueOf(today.minusDays(d).atTime(7, 35)));
        }
    }

    private void ensureTrainer() {
        try {
            userDetails.loadUserByUsername(TRAINER);
        } catch (UsernameNotFoundException e) {
            UserDetails admin = userDetails.loadUserByUsername("admin");
            securityContext.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            try {
                users.create(TRAINER, PASSWORD, UserRole.TRAINER);
            } finally {
                securityContext.clearContext();
            }
        }
    }

    private void logIn() {
        WebDriver browser = chromium.browser();
        browser.get("http://localhost:" + port + "/login");
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(TRAINER);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.id("theme-toggle")));
    }

    /** Switches the theme with the app's own toggle, as the trainer would, and waits for Lumo to apply it. */
    private void setTheme(boolean dark) {
        JavascriptExecutor js = (JavascriptExecutor) chromium.browser();
        String isDark = "return document.documentElement.getAttribute('theme') === 'dark'"
                + " || (document.body.getAttribute('theme') || '').includes('dark')";
        if (Boolean.TRUE.equals(js.executeScript(isDark)) != dark) {
            chromium.browser().findElement(By.id("theme-toggle")).click();
            chromium.waiting().until(driver -> Boolean.TRUE.equals(js.executeScript(isDark)) == dark);
        }
    }

    private BufferedImage shoot(WebElement chart, String theme) throws Exception {
        WebDriver browser = chromium.browser();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        Thread.sleep(300); // Lumo's colour transition; nothing to wait on but the paint
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("client-progress-" + theme + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        byte[] png = chart.getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("client-progress-chart-" + theme + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The mean relative luminance (0 black … 1 white) of every pixel. */
    private static double luminance(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += luminance((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }

    private static double luminance(int r, int g, int b) {
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }

    /** {@code rgb(…)} or {@code rgba(…)} as computed by the browser, as luminance (alpha over black ignored). */
    private static double relativeLuminance(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        return luminance((int) Double.parseDouble(parts[0]), (int) Double.parseDouble(parts[1]),
                (int) Double.parseDouble(parts[2]));
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
