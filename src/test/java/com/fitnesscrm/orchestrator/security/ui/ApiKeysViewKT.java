package com.fitnesscrm.orchestrator.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.fitnesscrm.orchestrator.security.ApiKey;
import com.fitnesscrm.orchestrator.security.ApiKeyScope;
import com.fitnesscrm.orchestrator.security.RateLimit;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.internal.ApiKeyAuthenticator;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins create API keys (secret shown once), see them listed without their secret, and revoke them. */
class ApiKeysViewKT extends KaribuTest {

    @Autowired
    private ApiKeyAuthenticator authenticator;

    @Test
    void the_keys_from_the_environment_are_listed_without_their_secrets() {
        ApiKeysView view = open();
        assertThat(rows(view)).anySatisfy(key -> {
            assertThat(key.name()).isEqualTo("main-backend");
            assertThat(key.source()).isEqualTo("environment");
            assertThat(key.scopes()).containsExactlyInAnyOrder(ApiKeyScope.EXECUTE, ApiKeyScope.READ);
            // Not the start of the shared secret: the start of its hash.
            assertThat(key.prefix()).startsWith("sha256:").doesNotContain("main-backend-key");
        });
    }

    @Test
    void a_new_key_is_shown_once_and_then_authenticates_with_its_scopes() {
        ApiKeysView view = open();
        String name = "reporting-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        NewApiKeyDialog dialog = _get(NewApiKeyDialog.class);
        dialog.form.name.setValue(name);
        dialog.form.scopes.setValue(EnumSet.of(ApiKeyScope.READ));
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));

        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        assertThat(secret).startsWith("fco_").hasSizeGreaterThan(40);
        assertThat(authenticator.authenticate(secret)).hasValueSatisfying(caller -> {
            assertThat(caller.getName()).isEqualTo(name);
            assertThat(caller.scopes()).containsExactly(ApiKeyScope.READ);
        });
        assertThat(rows(view)).anySatisfy(key -> {
            assertThat(key.name()).isEqualTo(name);
            assertThat(secret).startsWith(key.prefix().replace("…", ""));
            assertThat(key.prefix()).isNotEqualTo(secret);
        });
    }

    @Test
    void a_key_without_a_scope_is_refused_at_the_field() {
        open();
        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        NewApiKeyDialog dialog = _get(NewApiKeyDialog.class);
        dialog.form.name.setValue("no-scopes");
        dialog.form.scopes.setValue(EnumSet.noneOf(ApiKeyScope.class));
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        assertThat(dialog.form.scopes.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void revoking_asks_first_then_the_key_stops_working() {
        ApiKeysView view = open();
        String name = "to-revoke-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        NewApiKeyDialog dialog = _get(NewApiKeyDialog.class);
        dialog.form.name.setValue(name);
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();

        int row = IntStream.range(0, _size(view.grid)).filter(i -> rows(view).get(i).name().equals(name))
                .findFirst().orElseThrow();
        _click((Button) _getCellComponent(view.grid, row, "actions"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(authenticator.authenticate(secret)).isPresent();
        assertThat(ConfirmDialogKt._getHeader(confirm)).contains(name);
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(authenticator.authenticate(secret)).isEmpty();
        assertThat(rows(view)).anySatisfy(key -> {
            assertThat(key.name()).isEqualTo(name);
            assertThat(key.revoked()).isTrue();
        });
    }

    @Test
    void an_admin_sets_a_keys_requests_per_minute_and_burst_and_can_go_back_to_the_default() {
        ApiKeysView view = open();
        String name = "limited-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withId("new-api-key")));
        _get(NewApiKeyDialog.class).form.name.setValue(name);
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        _get(ApiKeySecretDialog.class).close();
        assertThat(rowNamed(view, name).rateLimit()).as("a new key takes the default").isNull();

        _click((Button) _getCellComponent(view.grid, rowIndex(view, name), "limit"));
        RateLimitDialog dialog = _get(RateLimitDialog.class);
        assertThat(dialog.perMinute.getValue()).as("shows the default it has now").isEqualTo(120);
        dialog.perMinute.setValue(5);
        dialog.burst.setValue(0);
        _click(_get(Button.class, spec -> spec.withId("save-rate-limit")));
        assertThat(dialog.burst.isInvalid()).as("a burst of 0 is refused at the field").isTrue();
        assertThat(dialog.isOpened()).isTrue();

        dialog.burst.setValue(2);
        _click(_get(Button.class, spec -> spec.withId("save-rate-limit")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(rowNamed(view, name).rateLimit()).isEqualTo(new RateLimit(5, 2));
        // The authenticated caller carries the new limit at once (the key cache was told).
        assertThat(authenticator.authenticate(secret).orElseThrow().rateLimit()).contains(new RateLimit(5, 2));

        _click((Button) _getCellComponent(view.grid, rowIndex(view, name), "limit"));
        _click(_get(Button.class, spec -> spec.withId("default-rate-limit")));
        assertThat(rowNamed(view, name).rateLimit()).isNull();
        assertThat(authenticator.authenticate(secret).orElseThrow().rateLimit()).isEmpty();
    }

    @Test
    void trainers_cannot_open_the_api_keys() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ApiKeysView.class);
        assertThatThrownBy(() -> _get(ApiKeysView.class)).isInstanceOf(AssertionError.class);
    }

    private ApiKeysView open() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(ApiKeysView.class);
        return _get(ApiKeysView.class);
    }

    private static int rowIndex(ApiKeysView view, String name) {
        return IntStream.range(0, _size(view.grid)).filter(i -> rows(view).get(i).name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ApiKey rowNamed(ApiKeysView view, String name) {
        return rows(view).get(rowIndex(view, name));
    }

    private static List<ApiKey> rows(ApiKeysView view) {
        return view.grid.getGenericDataView().getItems().toList();
    }
}
