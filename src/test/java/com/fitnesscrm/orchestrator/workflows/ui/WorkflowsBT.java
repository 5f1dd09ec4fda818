package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.HeadlessChromium;
import com.fitnesscrm.orchestrator.ServerIntegrationTest;
import com.fitnesscrm.orchestrator.agents.AgentDraft;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.testagents.SumAgent;
import com.fitnesscrm.orchestrator.security.RunAs;
import com.fitnesscrm.orchestrator.workflows.WorkflowDraft;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Workflows in a real Chromium: the editor's graph is an SVG image the browser really loads and draws, with every
 * node's title in it and a hostile label as plain text; and an admin approves a waiting run on its detail page and
 * sees it go on to its end. Screenshots: {@code target/screenshots/workflow-graph.png} and
 * {@code workflow-run-approved.png}.
 */
@ServerIntegrationTest
class WorkflowsBT {

    /** A node label a careless view would run as script. */
    // At most the 24 characters a box shows, so the whole label is in the graph.
    private static final String HOSTILE_LABEL = "<script>alert()</script>";
    private static final List<String> TITLES = List.of("Add the numbers", HOSTILE_LABEL, "Add it again?", "second");

    @LocalServerPort
    private int port;
    @Autowired
    private AgentService agents;
    @Autowired
    private WorkflowService workflows;
    @Autowired
    private RunService runs;
    @Autowired
    private SecurityContextHolderStrategy securityContext;
    @Autowired
    private ObjectMapper objectMapper;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private String name;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        wait = chromium.waiting();
        browser.manage().window().setSize(new Dimension(1400, 1200));
        createWorkflow();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Adds with a sum agent; a total above 10 (the gate's "big") waits for an admin before adding again. */
    private void createWorkflow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sum = "bt-sum-" + suffix;
        name = "bt-workflow-" + suffix;
        var definition = objectMapper.readTree("""
                {"start": "first",
                 "nodes": [
                   {"id": "first", "kind": "agent", "label": "Add the numbers", "agent": "%s",
                    "input": {"numbers": "$input.numbers"}},
                   {"id": "gate", "kind": "function", "function": "test_gate", "label": "%s",
                    "input": {"total": "$nodes.first.output.total"}},
                   {"id": "approve", "kind": "approval", "role": "admin", "label": "Add it again?",
                    "input": {"total": "$nodes.gate.output.total"}},
                   {"id": "second", "kind": "agent", "agent": "%s",
                    "input": {"numbers": ["$nodes.first.output.total", 1]}}],
                 "edges": [
                   {"from": "first", "to": "gate"},
                   {"from": "gate", "to": "approve", "when": {"path": "$nodes.gate.output.big", "equals": true}},
                   {"from": "gate", "to": "end"},
                   {"from": "approve", "to": "second",
                    "when": {"path": "$nodes.approve.output.decision", "equals": "approved"}}]}
                """.formatted(sum, HOSTILE_LABEL, sum));
        RunAs.admin(securityContext, () -> {
            agents.create(new AgentDraft(sum, SumAgent.TYPE.code(), null, true, null, null));
            return workflows.create(new WorkflowDraft(name, "Adds, and asks an admin when the total is big",
                    definition, null));
        });
    }

    @Test
    void the_editor_draws_the_graph_with_every_node_and_a_script_label_as_text() throws Exception {
        chromium.logInAsAdmin(port);
        browser.get("http://localhost:" + port + "/workflows");
        WebElement edit = wait.until(driver -> (WebElement) script("""
                const content = [...document.querySelectorAll('vaadin-grid-cell-content')]
                    .find(cell => cell.textContent.trim() === arguments[0]);
                if (!content || !content.assignedSlot) return null;
                const row = content.assignedSlot.closest('tr');
                for (const cell of row.querySelectorAll('td')) {
                    const slot = cell.querySelector('slot');
                    const button = slot && slot.assignedElements().flatMap(e => [...e.querySelectorAll('vaadin-button')])
                        .find(b => b.textContent.trim() === 'Edit');
                    if (button) return button;
                }
                return null;""", name));
        edit.click();

        // The browser fetched the image and drew it: an SVG it could not parse has no natural size.
        wait.until(driver -> Boolean.TRUE.equals(script("const img = document.querySelector('#workflow-graph img');"
                + "return !!img && img.complete && img.naturalWidth > 0;")));
        String svg = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('#workflow-graph img').src)
                    .then(response => response.text()).then(done, error => done('failed: ' + error));""");
        assertThat(svg).startsWith("<svg").contains("&lt;script&gt;alert()&lt;/script&gt;")
                .doesNotContain(HOSTILE_LABEL);
        // Parsed as the browser parses it, each title is the text of a box, and the label made no script element.
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>) script("""
                const doc = new DOMParser().parseFromString(arguments[0], 'image/svg+xml');
                if (doc.querySelector('parsererror') || doc.querySelector('script')) return ['not an SVG or a script'];
                return [...doc.querySelectorAll('text.title')].map(text => text.textContent);""", svg);
        assertThat(titles).containsExactlyInAnyOrderElementsOf(TITLES);
        assertThat((Boolean) script("return [...document.querySelectorAll('script')]"
                + ".some(s => s.textContent.includes('alert()'));")).isFalse();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        saveScreenshot("workflow-graph");
        assertThat(chromium.contentSecurityPolicyViolations()).as(chromium.console().toString()).isEmpty();
    }

    @Test
    void an_admin_approves_a_waiting_run_with_a_note_and_sees_it_succeed() throws Exception {
        chromium.logInAsAdmin(port);
        Run waiting = RunAs.admin(securityContext, () -> runs.run(RunRequest.forAgent(name,
                objectMapper.createObjectNode().set("numbers", objectMapper.valueToTree(List.of(7, 8))), false)));
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);

        browser.get("http://localhost:" + port + "/executions/" + waiting.id());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Run #" + waiting.id()));
        assertThat(browser.findElement(By.className("run-facts")).getText()).contains("waiting");
        WebElement approval = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workflow-approval")));
        assertThat(approval.getText()).contains("Add it again?").contains("by an admin");
        approval.findElement(By.cssSelector("vaadin-text-area textarea")).sendKeys("Fine, add it again");
        saveScreenshot("workflow-run-waiting");
        approval.findElements(By.tagName("vaadin-button")).stream()
                .filter(button -> button.getText().contains("Approve")).findFirst().orElseThrow().click();

        // The view shows the run afresh and follows it by push to its end.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("run-facts"), "succeeded"));
        wait.until(driver -> nodeCells().containsAll(List.of("Add it again?", "approved", "second")));
        List<String> cells = nodeCells();
        assertThat(cells).contains(HOSTILE_LABEL).containsSubsequence("Add it again?", "approval", "approved");
        assertThat(browser.findElements(By.id("workflow-approval"))).isEmpty();
        saveScreenshot("workflow-run-approved");
        assertThat(chromium.contentSecurityPolicyViolations()).as(chromium.console().toString()).isEmpty();
        RunAs.admin(securityContext, () -> {
            assertThat(runs.get(waiting.id()).output().path("nodes").path("approve").path("output").path("note")
                    .asText()).isEqualTo("Fine, add it again");
            return null;
        });
    }

    /** The texts of the workflow nodes grid's cells, in order (a hostile label stays text, as typed). */
    @SuppressWarnings("unchecked")
    private List<String> nodeCells() {
        return (List<String>) script("const grid = document.querySelector('#workflow-run vaadin-grid');"
                + "return grid ? [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                + ".map(cell => cell.textContent.trim()) : [];");
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
