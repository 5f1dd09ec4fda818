package com.fitnesscrm.orchestrator.codeanalysis.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorReportService;
import com.fitnesscrm.orchestrator.codeanalysis.StoredErrorGroup;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionService;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionStatus;
import com.fitnesscrm.orchestrator.execution.RunRequest;
import com.fitnesscrm.orchestrator.execution.RunService;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Admins review the Code Analyzer's suggestions and read the error groups; trainers open neither. */
class CodeAnalysisViewsKT extends KaribuTest {

    @Autowired
    private RunService runs;
    @Autowired
    private SuggestionService suggestions;
    @Autowired
    private ErrorReportService errors;
    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void a_suggestion_shows_its_snippet_as_text_with_its_line_and_is_accepted_then_applied_with_a_note() {
        login(UserRole.ADMIN);
        String dir = "web/" + UUID.randomUUID() + "/";
        analyse(dir + "page.js", "const el = document.getElementById('x');\n"
                + "el.innerHTML = location.hash + '<script>alert(1)</script>';\n");

        SuggestionsView view = open();
        _setValue(view.file, dir);
        List<CodeSuggestion> rows = _fetch(view.grid, 0, 50);
        assertThat(rows).extracting(CodeSuggestion::issueType).contains("xss");
        CodeSuggestion xss = rows.stream().filter(s -> s.issueType().equals("xss")).findFirst().orElseThrow();
        _clickItem(view.grid, rows.indexOf(xss));

        assertThat(view.detail.snippet.getText()).startsWith("→ 2 │").contains("<script>alert(1)</script>");
        assertThat(view.detail.snippet.getElement().getChildCount()).isEqualTo(1);
        assertThat(view.detail.snippet.getElement().getChild(0).isTextNode()).as("text, not markup").isTrue();
        assertThat(view.detail.applied.isEnabled()).isFalse();

        _setValue(view.detail.noteField, "fix in the next release");
        _click(view.detail.accept);
        assertThat(suggestions.get(xss.id()).status()).isEqualTo("accepted");
        assertThat(suggestions.get(xss.id()).note()).isEqualTo("fix in the next release");
        assertThat(view.detail.accept.isEnabled()).isFalse();
        _click(view.detail.applied);
        assertThat(suggestions.get(xss.id()).status()).isEqualTo("applied");
        assertThat(view.detail.evidence.getComponentCount()).as("the run that found it").isPositive();
    }

    @Test
    void selected_suggestions_are_rejected_at_once_and_leave_the_pending_list() {
        login(UserRole.ADMIN);
        String dir = "lib/" + UUID.randomUUID() + "/";
        analyse(dir + "a.py", "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n");
        analyse(dir + "b.py", "import hashlib\n\n\ndef digest(text):\n    return hashlib.md5(text).hexdigest()\n");

        SuggestionsView view = open();
        _setValue(view.file, dir);
        List<CodeSuggestion> pending = _fetch(view.grid, 0, 50);
        assertThat(pending).hasSize(2);
        pending.forEach(view.grid::select);
        _click(view.rejectAll);

        assertThat(_size(view.grid)).isZero();
        _setValue(view.status, SuggestionStatus.REJECTED);
        assertThat(_fetch(view.grid, 0, 50)).extracting(CodeSuggestion::id)
                .containsExactlyInAnyOrderElementsOf(pending.stream().map(CodeSuggestion::id).toList());
    }

    @Test
    void an_error_group_shows_its_count_sparkline_and_trace() {
        login(UserRole.ADMIN);
        String function = "charge_" + UUID.randomUUID().toString().replace("-", "");
        var body = objectMapper.createObjectNode().put("error", "'amount'").put("type", "KeyError")
                .put("stack_trace", "Traceback (most recent call last):\n  File \"/app/billing.py\", line 3, in "
                        + function + "\n    total = invoice['amount']\nKeyError: 'amount'");
        errors.report(body);
        errors.report(body);

        UI.getCurrent().navigate(ErrorsView.class);
        ErrorsView view = _get(ErrorsView.class);
        List<StoredErrorGroup> groups = _fetch(view.grid, 0, 100);
        StoredErrorGroup group = groups.stream().filter(g -> g.sampleTrace().contains(function)).findFirst()
                .orElseThrow();
        assertThat(group.count()).isEqualTo(2);
        _clickItem(view.grid, groups.indexOf(group));
        assertThat(view.trace.getText()).contains(function);
        assertThat(view.title.getText()).contains("2×");
        assertThat(ErrorsView.sparkline(new long[] {0, 1, 4})).isEqualTo("▁▃█");
    }

    @Test
    void a_trainer_opens_neither_view_nor_reviews_through_the_service() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("suggestions");
        assertThatThrownBy(() -> _get(SuggestionsView.class)).hasMessageContaining("AccessDeniedException");
        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("errors");
        assertThatThrownBy(() -> _get(ErrorsView.class)).hasMessageContaining("AccessDeniedException");
        assertThatThrownBy(() -> suggestions.review(1, SuggestionStatus.ACCEPTED, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    private SuggestionsView open() {
        UI.getCurrent().navigate(SuggestionsView.class);
        return _get(SuggestionsView.class);
    }

    private void analyse(String path, String code) {
        runs.run(RunRequest.forTaskType(AgentType.CODE_ANALYSIS.code(), objectMapper.createObjectNode()
                .put("code", code).put("file_path", path)));
    }
}
