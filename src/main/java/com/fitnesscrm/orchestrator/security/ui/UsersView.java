package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.security.UserAccount;
import com.fitnesscrm.orchestrator.security.UserChangeRejectedException;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Admins create users, disable and enable them, reset passwords, change roles and link users to the CRM's trainers.
 */
@Route("users")
@PageTitle("Users · FitnessCRM AI Orchestrator")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient UserService users;
    private final transient CrmService crm;
    /** The signed-in admin, who is not offered to disable their own account (the service refuses it anyway). */
    private final String self;
    final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);
    /** The CRM's trainers by id, read at each refresh; empty without a CRM. */
    private transient Map<Long, CrmTrainer> trainers = Map.of();

    public UsersView(UserService users, CrmService crm, AuthenticationContext authentication) {
        this.users = users;
        this.crm = crm;
        this.self = authentication.getPrincipalName().orElse("");
        setSizeFull();
        add(createToolbar(), createGrid());
        refresh();
    }

    private ViewToolbar createToolbar() {
        return new ViewToolbar("Users",
                ViewToolbar.primary("New user", VaadinIcon.PLUS, "new-user", event -> openNewUserDialog()));
    }

    private Grid<UserAccount> createGrid() {
        String zone = " (" + TIME.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT) + ")";
        grid.addColumn(UserAccount::username).setHeader("User name").setSortable(true).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(user -> user.role().label()).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(user -> user.enabled() ? "Enabled" : "Disabled").setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::trainerLabel).setKey("crm-trainer").setHeader("CRM trainer").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(user -> format(user.createdAt())).setHeader("Created" + zone).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(user -> user.lastLoginAt() == null ? "never" : format(user.lastLoginAt()))
                .setHeader("Last login" + zone).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::createActions).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setSizeFull();
        return grid;
    }

    private HorizontalLayout createActions(UserAccount user) {
        Button enable = new Button(user.enabled() ? "Disable" : "Enable",
                event -> apply(() -> users.setEnabled(user.id(), !user.enabled()),
                        user.username() + (user.enabled() ? " is disabled" : " is enabled")));
        UserRole otherRole = user.role() == UserRole.ADMIN ? UserRole.TRAINER : UserRole.ADMIN;
        Button role = new Button("Make " + otherRole.label().toLowerCase(),
                event -> apply(() -> users.changeRole(user.id(), otherRole),
                        user.username() + " is now " + otherRole.label().toLowerCase()));
        Button reset = new Button("Reset password", event -> openResetPasswordDialog(user));
        HorizontalLayout actions = new HorizontalLayout(enable, role, reset);
        enable.setVisible(!user.username().equals(self));
        if (!trainers.isEmpty()) {
            actions.add(new Button("Link trainer", event -> openLinkTrainerDialog(user)));
        }
        actions.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return actions;
    }

    private void openNewUserDialog() {
        NewUserDialog dialog = new NewUserDialog();
        dialog.addSaveListener(event -> {
            NewUserForm.NewUser user = event.user();
            try {
                UserAccount created = users.create(user.username(), user.password(), user.role());
                dialog.close();
                notifySuccess("Created " + created.username());
                refresh();
            } catch (UserChangeRejectedException rejection) {
                dialog.showRejection(rejection);
            }
        });
        dialog.open();
    }

    private void openResetPasswordDialog(UserAccount user) {
        ResetPasswordDialog dialog = new ResetPasswordDialog(user);
        dialog.addSaveListener(event -> {
            try {
                users.resetPassword(user.id(), event.password());
                dialog.close();
                notifySuccess("The password of " + user.username() + " is reset");
            } catch (UserChangeRejectedException rejection) {
                dialog.showRejection(rejection.getMessage());
            }
        });
        dialog.open();
    }

    private void openLinkTrainerDialog(UserAccount user) {
        LinkTrainerDialog dialog = new LinkTrainerDialog(user, List.copyOf(trainers.values()),
                user.crmTrainerId() == null ? null : trainers.get(user.crmTrainerId()));
        dialog.addSaveListener(event -> apply(
                () -> users.linkCrmTrainer(user.id(), event.trainer() == null ? null : event.trainer().id()),
                event.trainer() == null ? user.username() + " is not linked to a CRM trainer"
                        : user.username() + " is linked to " + event.trainer().name()));
        dialog.open();
    }

    /** The linked trainer's name; "by e-mail" when the user name is a trainer's e-mail and no admin chose one. */
    private String trainerLabel(UserAccount user) {
        if (user.crmTrainerId() != null) {
            CrmTrainer trainer = trainers.get(user.crmTrainerId());
            return trainer == null ? "#" + user.crmTrainerId() + " (not in the CRM)" : trainer.name();
        }
        return trainers.values().stream().filter(trainer -> user.username().equalsIgnoreCase(trainer.email()))
                .findFirst().map(trainer -> trainer.name() + " (by e-mail)").orElse("");
    }

    private void apply(Supplier<UserAccount> change, String successMessage) {
        try {
            change.get();
            notifySuccess(successMessage);
        } catch (UserChangeRejectedException rejection) {
            Notification notification = Notification.show(rejection.getMessage(), 6000,
                    Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private static void notifySuccess(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        trainers = crm.trainers().stream().collect(Collectors.toMap(CrmTrainer::id, Function.identity(),
                (first, second) -> first, java.util.LinkedHashMap::new));
        grid.getColumnByKey("crm-trainer").setVisible(!trainers.isEmpty());
        grid.setItems(users.list());
        grid.recalculateColumnWidths();
    }

    private static String format(Instant instant) {
        return TIME.format(instant);
    }
}
