package com.fitnesscrm.orchestrator.crm.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.base.ui.StatusCard;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.dashboard.ui.DashboardView;
import com.fitnesscrm.orchestrator.progress.ui.ClientProgressView;
import com.fitnesscrm.orchestrator.security.UserAccount;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.UserService;
import com.fitnesscrm.orchestrator.security.ui.UsersView;
import com.fitnesscrm.orchestrator.workouts.ui.WorkoutPlannerView;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trainers pick a client from the CRM instead of typing an id: Client progress loads the history with one click,
 * the Workout planner fills the goal and proposes contraindications for the trainer to confirm; a linked trainer's
 * own clients come first; admins see the CRM on the dashboard and link users to CRM trainers. The CRM is the main
 * backend's schema with rows ({@link CrmTables}) in the test database: Tom Client (assigned to trainer Maria Coach,
 * three weigh-ins in March 2025, an old knee injury, a 76 kg goal) and Ana Client.
 */
class ClientPickerKT extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CrmDirectory directory;
    @Autowired
    private UserService users;

    private CrmTables crm;
    private Long linkedUser;

    @AfterEach
    void dropCrm() {
        if (crm != null) {
            crm.close();
        }
        if (linkedUser != null) {
            login(UserRole.ADMIN);
            users.linkCrmTrainer(linkedUser, null);
        }
    }

    @Test
    void without_a_crm_the_views_take_a_typed_client_id_and_show_no_picker() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ClientProgressView.class);
        assertThat(_find(ClientPicker.class)).isEmpty(); // _find sees only what is visible
        UI.getCurrent().navigate(WorkoutPlannerView.class);
        assertThat(_find(ClientPicker.class)).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("client-id")).isVisible()).isTrue();
    }

    @Test
    void a_linked_trainer_sees_their_own_clients_first_and_can_search_by_email() {
        crm = CrmTables.create(jdbc, directory);
        linkTrainerToCrmTrainer(1); // Maria Coach
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ClientProgressView.class);

        ClientPicker picker = _get(ClientPicker.class, spec -> spec.withId("progress-client"));
        assertThat(picker.isVisible()).isTrue();
        assertThat(ComboBoxKt.getSuggestions(picker))
                .containsExactly("Tom Client · tom@example.com · your client", "Ana Client · ana@example.com");
        ComboBoxKt.setUserInput(picker, "ANA@");
        assertThat(ComboBoxKt.getSuggestions(picker)).containsExactly("Ana Client · ana@example.com");
    }

    @Test
    void client_progress_loads_the_crm_history_with_one_click_in_kilograms_and_says_it_is_weeks_old() {
        crm = CrmTables.create(jdbc, directory);
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ClientProgressView.class);

        ClientPicker picker = _get(ClientPicker.class, spec -> spec.withId("progress-client"));
        Button load = _get(Button.class, spec -> spec.withId("progress-load-history"));
        assertThat(load.isEnabled()).as("nothing to load before a client is picked").isFalse();
        pick(picker, "tom");
        _click(load);

        String csv = _get(TextArea.class, spec -> spec.withId("progress-csv")).getValue();
        // 84.2 kg on 1 March, 83.9 kg from progress_records on 8 March, 183 lbs = 83.0 kg on 15 March.
        assertThat(csv.lines().toList()).hasSize(4).first().asString().startsWith("date,weight_kg");
        assertThat(csv).contains("2025-03-01,84.2").contains("2025-03-08,83.9").contains("2025-03-15,83");
        assertThat(_get(NumberField.class, spec -> spec.withId("progress-target")).getValue()).isEqualTo(76.0);
        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(note -> assertThat(note.getElement().getProperty("text")).contains("Tom Client")
                        .contains("last reading 2025-03-15").contains("new weigh-in"));
    }

    @Test
    void the_workout_planner_proposes_the_crm_contraindications_and_applies_them_only_when_confirmed() {
        crm = CrmTables.create(jdbc, directory);
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(WorkoutPlannerView.class);

        pick(_get(ClientPicker.class, spec -> spec.withId("workout-client")), "tom");

        assertThat(_get(TextField.class, spec -> spec.withId("client-id")).getValue()).isEqualTo("1");
        Span proposal = _get(Span.class, spec -> spec.withId("proposed-contraindications"));
        assertThat(proposal.isVisible()).isTrue();
        assertThat(proposal.getText()).contains("Knee").contains("knee injury");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Contraindication> contraindications = _get(CheckboxGroup.class,
                spec -> spec.withLabel("Contraindications"));
        assertThat(contraindications.getValue()).as("proposed, not applied").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("apply-proposed")));
        assertThat(contraindications.getValue()).contains(Contraindication.KNEE);

        // Another client: nothing of Tom's carries over.
        pick(_get(ClientPicker.class, spec -> spec.withId("workout-client")), "ana");
        assertThat(_get(TextField.class, spec -> spec.withId("client-id")).getValue()).isEqualTo("2");
        assertThat(contraindications.getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Select<Goal> goal = _get(Select.class, spec -> spec.withLabel("Goal"));
        assertThat(goal.getValue()).as("Ana's 'muscle gain'").isEqualTo(Goal.HYPERTROPHY);
    }

    @Test
    void an_admin_sees_the_crm_connection_on_the_dashboard_and_links_a_user_to_a_crm_trainer() {
        login(UserRole.ADMIN);
        assertThat(crmCardText()).contains("Not found");

        crm = CrmTables.create(jdbc, directory);
        _click(_get(Button.class, spec -> spec.withId("refresh")));
        assertThat(crmCardText()).contains("Connected").contains("clients (2 rows)")
                .contains("measurements (2 rows)").contains("sessions (2 rows)");

        UI.getCurrent().navigate(UsersView.class);
        @SuppressWarnings("unchecked")
        Grid<UserAccount> grid = _get(Grid.class);
        assertThat(grid.getColumnByKey("crm-trainer").isVisible()).isTrue();
        int row = rowOf(grid, "admin");
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Link trainer")));
        @SuppressWarnings("unchecked")
        ComboBox<CrmTrainer> trainer = _get(ComboBox.class, spec -> spec.withLabel("CRM trainer"));
        ComboBoxKt.selectByLabel(trainer, "Maria Coach · coach@gym.example");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        linkedUser = users.list().stream().filter(user -> user.username().equals("admin")).findFirst()
                .orElseThrow().id();

        assertThat(GridKt._getFormattedRow(grid, rowOf(grid, "admin"))).contains("Maria Coach");
    }

    private static int rowOf(Grid<UserAccount> grid, String username) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).username().equals(username)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + username);
    }

    /** Types into the picker as a trainer would and takes the first client it offers. */
    private static void pick(ClientPicker picker, String typed) {
        ComboBoxKt.setUserInput(picker, typed);
        picker.setValue(ComboBoxKt.getSuggestionItems(picker).get(0));
    }

    private String crmCardText() {
        return _get(StatusCard.class, spec -> spec.withId("crm-card")).getElement().getTextRecursively();
    }
}
