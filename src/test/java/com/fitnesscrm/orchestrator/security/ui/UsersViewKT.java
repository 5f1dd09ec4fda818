package com.fitnesscrm.orchestrator.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserAccount;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Admins manage users in the Users view; rules the service enforces come back as clear messages. */
class UsersViewKT extends KaribuTest {

    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private PasswordEncoder passwordEncoder;

    private UsersView view;

    @BeforeEach
    void openUsersView() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        view = _get(UsersView.class);
    }

    @Test
    void lists_the_first_admin() {
        assertThat(rows()).anySatisfy(user -> {
            assertThat(user.username()).isEqualTo("admin");
            assertThat(user.role()).isEqualTo(UserRole.ADMIN);
            assertThat(user.enabled()).isTrue();
        });
    }

    @Test
    void an_admin_creates_a_trainer_who_can_then_log_in() {
        String name = uniqueName();
        NewUserDialog dialog = openNewUserDialog();
        dialog.form.username.setValue(name.toUpperCase());
        dialog.form.role.setValue(UserRole.TRAINER);
        dialog.form.password.setValue("a-good-long-password");
        dialog.form.confirm.setValue("a-good-long-password");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));

        expectNotifications("Created " + name);
        assertThat(rows()).anySatisfy(user -> {
            assertThat(user.username()).isEqualTo(name);
            assertThat(user.role()).isEqualTo(UserRole.TRAINER);
        });
        assertThat(passwordEncoder.matches("a-good-long-password",
                userDetails.loadUserByUsername(name).getPassword())).isTrue();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_password_shorter_than_twelve_characters_is_refused_with_a_clear_message() {
        String name = uniqueName();
        NewUserDialog dialog = submitNewUser(name, "short-pass", "short-pass");

        assertThat(dialog.form.password.isInvalid()).isTrue();
        assertThat(dialog.form.password.getErrorMessage()).isEqualTo("The password must be at least 12 characters long.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(rows()).noneMatch(user -> user.username().equals(name));
    }

    @Test
    void a_taken_user_name_is_refused_next_to_the_name_field() {
        NewUserDialog dialog = submitNewUser("admin", "a-good-long-password", "a-good-long-password");

        assertThat(dialog.form.username.isInvalid()).isTrue();
        assertThat(dialog.form.username.getErrorMessage()).isEqualTo("A user named 'admin' already exists.");
    }

    @Test
    void two_different_passwords_are_caught_before_anything_is_saved() {
        String name = uniqueName();
        NewUserDialog dialog = submitNewUser(name, "a-good-long-password", "another-long-password");

        assertThat(dialog.form.confirm.isInvalid()).isTrue();
        assertThat(rows()).noneMatch(user -> user.username().equals(name));
    }

    @Test
    void an_admin_is_not_offered_to_disable_their_own_account() {
        var actions = _getCellComponent(view.grid, rows().indexOf(row("admin")), "actions");
        assertThat(_find(actions, Button.class, spec -> spec.withText("Disable"))).isEmpty();
        assertThat(_find(actions, Button.class, spec -> spec.withText("Reset password"))).hasSize(1);
        assertThat(row("admin").enabled()).isTrue();
    }

    @Test
    void an_admin_disables_and_enables_a_trainer_and_changes_their_role() {
        String name = createTrainerThroughTheDialog();

        clickAction(name, "Disable");
        assertThat(row(name).enabled()).isFalse();
        assertThat(userDetails.loadUserByUsername(name).isEnabled()).isFalse();

        clickAction(name, "Enable");
        assertThat(row(name).enabled()).isTrue();

        clickAction(name, "Make admin");
        assertThat(row(name).role()).isEqualTo(UserRole.ADMIN);
        clickAction(name, "Make trainer");
        assertThat(row(name).role()).isEqualTo(UserRole.TRAINER);
    }

    @Test
    void an_admin_resets_a_password_and_only_the_new_one_works() {
        String name = createTrainerThroughTheDialog();
        clickAction(name, "Reset password");
        ResetPasswordDialog dialog = _get(ResetPasswordDialog.class);

        dialog.password.setValue("too-short");
        dialog.confirm.setValue("too-short");
        _click(_get(dialog, Button.class, spec -> spec.withText("Set password")));
        assertThat(dialog.password.getErrorMessage()).isEqualTo("The password must be at least 12 characters long.");

        dialog.password.setValue("the-new-long-password");
        dialog.confirm.setValue("the-new-long-password");
        _click(_get(dialog, Button.class, spec -> spec.withText("Set password")));

        String hash = userDetails.loadUserByUsername(name).getPassword();
        assertThat(passwordEncoder.matches("the-new-long-password", hash)).isTrue();
        assertThat(passwordEncoder.matches("a-good-long-password", hash)).isFalse();
    }

    private String createTrainerThroughTheDialog() {
        String name = uniqueName();
        submitNewUser(name, "a-good-long-password", "a-good-long-password");
        return name;
    }

    private NewUserDialog submitNewUser(String username, String password, String confirm) {
        NewUserDialog dialog = openNewUserDialog();
        dialog.form.username.setValue(username);
        dialog.form.password.setValue(password);
        dialog.form.confirm.setValue(confirm);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        return dialog;
    }

    private NewUserDialog openNewUserDialog() {
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        return _get(NewUserDialog.class);
    }

    private void clickAction(String username, String action) {
        List<UserAccount> rows = rows();
        int index = rows.indexOf(row(username));
        var actions = _getCellComponent(view.grid, index, "actions");
        _click(_find(actions, Button.class, spec -> spec.withText(action)).get(0));
    }

    private UserAccount row(String username) {
        return rows().stream().filter(user -> user.username().equals(username)).findFirst().orElseThrow();
    }

    private List<UserAccount> rows() {
        return view.grid.getListDataView().getItems().toList();
    }

    private static String uniqueName() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
