package com.fitnesscrm.orchestrator.security.ui;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.security.ApiKey;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import com.fitnesscrm.orchestrator.security.ApiKeyService;
import com.fitnesscrm.orchestrator.security.CreatedApiKey;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Admins create API keys (the secret shown once), see when each was last used, and revoke them. */
@Route("api-keys")
@PageTitle("API keys · FitnessCRM AI Orchestrator")
@Menu(order = 80, icon = "vaadin:key", title = "API keys")
@RolesAllowed(Roles.ADMIN)
public class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient ApiKeyService keys;
    final Grid<ApiKey> grid = new Grid<>(ApiKey.class, false);

    public ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        setSizeFull();
        add(createToolbar(), createGrid());
        refresh();
    }

    private ViewToolbar createToolbar() {
        return new ViewToolbar("API keys",
                ViewToolbar.primary("New API key", VaadinIcon.PLUS, "new-api-key", event -> openNewKeyDialog()));
    }

    private Grid<ApiKey> createGrid() {
        grid.addColumn(ApiKey::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ApiKey::prefix).setHeader("Key").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(key -> key.scopes().stream().map(ApiKeyScope::code).sorted()
                .collect(Collectors.joining(", "))).setHeader("Scopes").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(key -> "environment".equals(key.source()) ? "environment" : "created by " + key.createdBy())
                .setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(key -> format(key.lastUsedAt(), "never")).setHeader("Last used").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(key -> key.revoked() ? "revoked " + format(key.revokedAt(), "") : "active")
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(key -> keys.effectiveRateLimit(key) + (key.rateLimit() == null ? " (default)" : ""))
                .setKey("rate-limit").setHeader("Rate limit").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::createRateLimitButton).setKey("limit").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::createRevokeButton).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setSizeFull();
        return grid;
    }

    private Button createRateLimitButton(ApiKey key) {
        Button limit = new Button("Change limit", event -> openRateLimitDialog(key));
        limit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        limit.setEnabled(!key.revoked());
        return limit;
    }

    private Button createRevokeButton(ApiKey key) {
        Button revoke = new Button("Revoke", event -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(!key.revoked());
        return revoke;
    }

    private void openRateLimitDialog(ApiKey key) {
        RateLimitDialog dialog = new RateLimitDialog(key, keys.effectiveRateLimit(key), keys.defaultRateLimit(key));
        dialog.addSaveListener(event -> {
            try {
                ApiKey changed = keys.setRateLimit(key.id(), event.perMinute(), event.burst());
                dialog.close();
                refresh();
                Notification.show("Rate limit of " + changed.name() + ": " + keys.effectiveRateLimit(changed),
                        3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException rejection) {
                dialog.showRejection(rejection.field(), rejection.getMessage());
            }
        });
        dialog.open();
    }

    private void openNewKeyDialog() {
        NewApiKeyDialog dialog = new NewApiKeyDialog();
        dialog.addSaveListener(event -> {
            try {
                CreatedApiKey created = keys.create(event.key().name(), event.key().scopes());
                dialog.close();
                refresh();
                new ApiKeySecretDialog(created).open();
            } catch (InvalidInputException rejection) {
                dialog.form.showRejection(rejection);
            } catch (ConflictException rejection) {
                dialog.form.showRejection(rejection.field(), rejection.getMessage());
            }
        });
        dialog.open();
    }

    private void confirmRevoke(ApiKey key) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke '" + key.name() + "'?",
                "Callers using this key are refused from now on. This cannot be undone; a new key can be created.",
                "Revoke", event -> revoke(key));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void revoke(ApiKey key) {
        try {
            keys.revoke(key.id());
            Notification.show("Revoked " + key.name(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException rejection) {
            Notification.show(rejection.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }

    private static String format(Instant instant, String none) {
        return instant == null ? none : TIME.format(instant);
    }
}
