package com.fitnesscrm.orchestrator.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.IntegrationTest;
import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import com.fitnesscrm.orchestrator.security.UserRole;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** The first start creates the one admin who can then create everyone else. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Transactional // every test rolls back, leaving the shared database as it was
class InitialAdminCreatorIT {

    @Autowired
    private AppUserRepository users;
    @Autowired
    private PasswordEncoder passwordEncoder;
    @Autowired
    private Clock clock;

    @Test
    void with_no_password_configured_a_random_one_is_printed_once_and_works(CapturedOutput output) {
        users.deleteAllInBatch();
        new InitialAdminCreator(users, passwordEncoder, clock, "").afterPropertiesSet();

        Matcher printed = Pattern.compile("generated password:\\s+(\\S+)").matcher(output.getOut());
        assertThat(printed.find()).as("the password is printed").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSize(20);
        AppUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRole()).isEqualTo(UserRole.ADMIN);
        assertThat(passwordEncoder.matches(password, admin.getPasswordHash())).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(password);
    }

    @Test
    void with_users_present_nothing_is_created_or_printed(CapturedOutput output) {
        long before = users.count();
        new InitialAdminCreator(users, passwordEncoder, clock, "").afterPropertiesSet();
        assertThat(users.count()).isEqualTo(before);
        assertThat(output.getOut()).doesNotContain("generated password");
    }

    @Test
    void a_configured_password_shorter_than_twelve_characters_stops_the_start() {
        assertThatThrownBy(() -> new InitialAdminCreator(users, passwordEncoder, clock, "short").afterPropertiesSet())
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessage("ORCHESTRATOR_ADMIN_PASSWORD is not acceptable: "
                        + "The password must be at least 12 characters long.");
    }
}
