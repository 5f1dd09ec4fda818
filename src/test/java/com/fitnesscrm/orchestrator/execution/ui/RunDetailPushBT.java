package com.fitnesscrm.orchestrator.execution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.testagents.SlowAgent;
import com.fitnesscrm.orchestrator.security.RunAs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * In a real browser, a run's detail view follows a running run to its end by server push, without a reload: what
 * Karibu cannot show (its test thread holds the session lock; here the refresh runs on its own thread, signed in
 * through the Vaadin session).
 */
@ServerIntegrationTest
class RunDetailPushBT {


    @LocalServerPort
    private int port;
    @Autowired
    private AgentService agents;
    @Autowired
    private RunService executions;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @Autowired
    private ObjectMapper objectMapper;
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
    void the_detail_view_of_a_running_run_turns_to_succeeded_by_itself() throws Exception {
        chromium.logInAsAdmin(port);
        Run queued = RunAs.admin(securityContext, () -> {
            Agent slow = agents.create(new AgentDraft("slow-" + UUID.randomUUID(), SlowAgent.TYPE.code(), null, true,
                    objectMapper.createObjectNode().put("timeout_seconds", 60), null));
            return executions.run(RunRequest.forAgent(slow.name(),
                    objectMapper.createObjectNode().put("millis", 10_000), true));
        });

        browser.get("http://localhost:" + port + "/executions/" + queued.id());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Run #" + queued.id()));
        assertThat(browser.findElement(By.tagName("body")).getText()).containsAnyOf("queued", "running")
                .doesNotContain("succeeded");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("run-facts"), "succeeded"));
        assertThat(browser.findElement(By.className("step-timeline")).getText()).contains("wait");
        // Server push (a WebSocket to this host) and the timeline worked under the Content-Security-Policy.
        assertThat(chromium.contentSecurityPolicyViolations()).isEmpty();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve("run-detail.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
