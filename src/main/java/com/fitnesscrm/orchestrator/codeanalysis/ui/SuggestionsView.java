package com.fitnesscrm.orchestrator.codeanalysis.ui;

import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.codeanalysis.Category;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSuggestion;
import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionFilter;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionService;
import com.fitnesscrm.orchestrator.codeanalysis.SuggestionStatus;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * What the Code Analyzer found, for admins to review: a lazy grid filtered by status (pending first, as the API),
 * severity, category and file; the chosen suggestion's detail beside it; accept, reject or mark applied many at once.
 */
@Route("suggestions")
@PageTitle("Suggestions · FitnessCRM AI Orchestrator")
@Menu(order = 30, icon = "vaadin:lightbulb", title = "Suggestions")
@RolesAllowed(Roles.ADMIN)
public class SuggestionsView extends VerticalLayout {

    private final transient SuggestionService suggestions;
    final ComboBox<SuggestionStatus> status = new ComboBox<>("Status");
    final ComboBox<Severity> severity = new ComboBox<>("Severity");
    final ComboBox<Category> category = new ComboBox<>("Category");
    final TextField file = new TextField("File");
    final Grid<CodeSuggestion> grid = new Grid<>(CodeSuggestion.class, false);
    final SuggestionDetail detail;
    final Button acceptAll = new Button("Accept selected", event -> bulk(SuggestionStatus.ACCEPTED));
    final Button rejectAll = new Button("Reject selected", event -> bulk(SuggestionStatus.REJECTED));
    final Button appliedAll = new Button("Mark selected applied", event -> bulk(SuggestionStatus.APPLIED));

    public SuggestionsView(SuggestionService suggestions) {
        this.suggestions = suggestions;
        this.detail = new SuggestionDetail(suggestions, this::refresh);
        setSizeFull();
        SplitLayout split = new SplitLayout(createGrid(), detail);
        split.setSizeFull();
        split.setSplitterPosition(60);
        add(createToolbar(), createFilters(), createBulkActions(), split);
        grid.setItems(query -> suggestions.slice(filter(), query.getOffset(), query.getLimit()).stream());
    }

    private ViewToolbar createToolbar() {
        return new ViewToolbar("Suggestions",
                ViewToolbar.tertiary("Refresh", VaadinIcon.REFRESH, "refresh-suggestions", event -> refresh()));
    }

    private HorizontalLayout createFilters() {
        status.setItems(SuggestionStatus.values());
        status.setItemLabelGenerator(SuggestionStatus::code);
        status.setValue(SuggestionStatus.PENDING);
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any status");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(Severity::code);
        severity.setClearButtonVisible(true);
        severity.setPlaceholder("Any severity");
        category.setItems(Category.values());
        category.setItemLabelGenerator(Category::code);
        category.setClearButtonVisible(true);
        category.setPlaceholder("Any category");
        file.setPlaceholder("Part of the path");
        file.setClearButtonVisible(true);
        file.setValueChangeMode(ValueChangeMode.LAZY);
        status.addValueChangeListener(event -> refresh());
        severity.addValueChangeListener(event -> refresh());
        category.addValueChangeListener(event -> refresh());
        file.addValueChangeListener(event -> refresh());
        HorizontalLayout filters = new HorizontalLayout(status, severity, category, file);
        filters.setAlignItems(Alignment.BASELINE);
        return filters;
    }

    private HorizontalLayout createBulkActions() {
        acceptAll.setId("accept-selected");
        rejectAll.setId("reject-selected");
        appliedAll.setId("applied-selected");
        return new HorizontalLayout(acceptAll, rejectAll, appliedAll);
    }

    private Grid<CodeSuggestion> createGrid() {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(CodeSuggestion::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CodeSuggestion::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CodeSuggestion::issueType).setHeader("Issue").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.filePath() + (s.line() == null ? "" : ":" + s.line())).setHeader("File").setFlexGrow(1);
        grid.addColumn(CodeSuggestion::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CodeSuggestion::occurrences).setHeader("Seen").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(event -> detail.show(event.getItem()));
        grid.setSizeFull();
        return grid;
    }

    SuggestionFilter filter() {
        return new SuggestionFilter(status.getValue(), severity.getValue(), category.getValue(), file.getValue());
    }

    private void bulk(SuggestionStatus next) {
        List<Long> ids = grid.getSelectedItems().stream().map(CodeSuggestion::id).toList();
        if (ids.isEmpty()) {
            Notification.show("Select suggestions first.");
            return;
        }
        SuggestionService.BulkResult result = suggestions.reviewAll(ids, next, detail.note());
        Notification.show(result.moved() + " " + next.code() + (result.refused().isEmpty() ? ""
                : "; not moved: " + String.join("; ", result.refused())));
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
