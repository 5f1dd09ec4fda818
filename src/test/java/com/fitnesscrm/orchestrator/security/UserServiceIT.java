package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The rules of user management, enforced in the service whatever UI or API calls it. */
@IntegrationTest
class UserServiceIT {

    @Autowired
    private UserService users;
    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void the_first_admin_logs_in_with_the_configured_password() throws Exception {
        Authentication result = authenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", IntegrationTest.ADMIN_PASSWORD));
        assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void a_trainer_cannot_create_users_even_by_calling_the_service_directly() {
        signInAs("someone", Roles.TRAINER);
        assertThatThrownBy(() -> users.create(name(), "a-good-long-password", UserRole.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_cannot_disable_their_own_account_even_by_calling_the_service_directly() {
        signInAs("admin", Roles.ADMIN);
        long self = users.list().stream().filter(user -> user.username().equals("admin")).findFirst().orElseThrow()
                .id();
        assertThatThrownBy(() -> users.setEnabled(self, false)).isInstanceOf(UserChangeRejectedException.class)
                .hasMessage("You cannot disable your own account.");
    }

    @Test
    void nobody_signed_in_cannot_use_the_service_at_all() {
        assertThatThrownBy(() -> users.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void user_names_are_stored_in_lower_case_and_must_be_unique_whatever_their_case() {
        signInAs("admin", Roles.ADMIN);
        String name = name();
        assertThat(users.create("  " + name.toUpperCase() + " ", "a-good-long-password", UserRole.TRAINER).username())
                .isEqualTo(name);
        assertThatThrownBy(() -> users.create(name.toUpperCase(), "a-good-long-password", UserRole.TRAINER))
                .isInstanceOf(UserChangeRejectedException.class)
                .hasMessage("A user named '" + name + "' already exists.")
                .extracting("field").isEqualTo("username");
    }

    @Test
    void a_user_name_with_spaces_or_too_short_is_refused() {
        signInAs("admin", Roles.ADMIN);
        for (String bad : List.of("ab", "two words", "<script>", "")) {
            assertThatThrownBy(() -> users.create(bad, "a-good-long-password", UserRole.TRAINER))
                    .as(bad).isInstanceOf(UserChangeRejectedException.class).extracting("field").isEqualTo("username");
        }
    }

    @Test
    void a_disabled_user_cannot_log_in_and_an_enabled_one_can() throws Exception {
        signInAs("admin", Roles.ADMIN);
        UserAccount trainer = users.create(name(), "a-good-long-password", UserRole.TRAINER);
        users.setEnabled(trainer.id(), false);

        var login = UsernamePasswordAuthenticationToken.unauthenticated(trainer.username(), "a-good-long-password");
        assertThatThrownBy(() -> authenticationManager().authenticate(login)).isInstanceOf(DisabledException.class);

        users.setEnabled(trainer.id(), true);
        assertThat(authenticationManager().authenticate(login).isAuthenticated()).isTrue();
    }

    @Test
    void the_last_enabled_admin_can_be_neither_made_a_trainer_nor_disabled() {
        // An admin whose own session outlived a demotion is the one way to reach the last admin from outside.
        signInAs("stale-admin-session", Roles.ADMIN);
        UserAccount admin = users.list().stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow();
        List<UserAccount> otherAdmins = users.list().stream()
                .filter(u -> u.role() == UserRole.ADMIN && u.enabled() && u.id() != admin.id()).toList();
        otherAdmins.forEach(other -> users.changeRole(other.id(), UserRole.TRAINER));
        try {
            assertThatThrownBy(() -> users.changeRole(admin.id(), UserRole.TRAINER))
                    .isInstanceOf(UserChangeRejectedException.class)
                    .hasMessage("'admin' is the last enabled admin and cannot be made a trainer; "
                            + "make another user an admin first.");
            assertThatThrownBy(() -> users.setEnabled(admin.id(), false))
                    .isInstanceOf(UserChangeRejectedException.class)
                    .hasMessageContaining("is the last enabled admin and cannot be disabled");

            UserAccount second = users.create(name(), "a-good-long-password", UserRole.ADMIN);
            assertThat(users.setEnabled(admin.id(), false).enabled()).isFalse();
            assertThatThrownBy(() -> users.setEnabled(second.id(), false))
                    .isInstanceOf(UserChangeRejectedException.class);
        } finally {
            users.setEnabled(admin.id(), true);
            otherAdmins.forEach(other -> users.changeRole(other.id(), UserRole.ADMIN));
        }
    }

    @Test
    void a_reset_password_must_meet_the_policy_and_replaces_the_old_one() throws Exception {
        signInAs("admin", Roles.ADMIN);
        UserAccount trainer = users.create(name(), "a-good-long-password", UserRole.TRAINER);
        assertThatThrownBy(() -> users.resetPassword(trainer.id(), "short"))
                .isInstanceOf(UserChangeRejectedException.class)
                .hasMessage("The password must be at least 12 characters long.");

        users.resetPassword(trainer.id(), "another-long-password");
        assertThat(authenticationManager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                trainer.username(), "another-long-password")).isAuthenticated()).isTrue();
    }

    private AuthenticationManager authenticationManager() throws Exception {
        return authenticationConfiguration.getAuthenticationManager();
    }

    private void signInAs(String username, String role) {
        securityContext.getContext().setAuthentication(new TestingAuthenticationToken(username, null,
                "ROLE_" + role));
    }

    private static String name() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
