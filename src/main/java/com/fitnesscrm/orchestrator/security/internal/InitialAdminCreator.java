package com.fitnesscrm.orchestrator.security.internal;

import com.fitnesscrm.orchestrator.base.RandomSecrets;
import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import com.fitnesscrm.orchestrator.security.PasswordPolicy;
import com.fitnesscrm.orchestrator.security.UserRole;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At the first start, with no users at all, creates {@code admin} with {@code ORCHESTRATOR_ADMIN_PASSWORD}, or with
 * a random password printed once in the log. Runs while the context starts, before the web server takes requests.
 */
@Component
class InitialAdminCreator implements InitializingBean {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String configuredPassword;

    InitialAdminCreator(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                        @Value("${orchestrator.security.initial-admin-password:}") String configuredPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterPropertiesSet() {
        boolean configured = !configuredPassword.isEmpty();
        if (configured) {
            String problem = PasswordPolicy.problemWith(configuredPassword);
            if (problem != null) {
                throw new StartupConfigurationException("ORCHESTRATOR_ADMIN_PASSWORD is not acceptable: " + problem,
                        "Set ORCHESTRATOR_ADMIN_PASSWORD to a password of at least " + PasswordPolicy.MIN_LENGTH
                                + " characters, or unset it to have one generated and printed once.");
            }
        }
        if (users.count() > 0) {
            return;
        }
        String password = configured ? configuredPassword : RandomSecrets.generate(20, RandomSecrets.UNAMBIGUOUS);
        try {
            users.saveAndFlush(new AppUser(USERNAME, passwordEncoder.encode(password), UserRole.ADMIN,
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance created the first admin at the same moment");
            return;
        }
        if (configured) {
            log.info("Created the first user '{}' with the password from ORCHESTRATOR_ADMIN_PASSWORD", USERNAME);
        } else {
            log.warn("""

                    ==========================================================================================
                      Created the first user '{}' with the generated password:  {}
                      It is shown only this once. Log in and keep it safe, or reset it in Users.
                      (Set ORCHESTRATOR_ADMIN_PASSWORD before the first start to choose it yourself.)
                    ==========================================================================================""",
                    USERNAME, password);
        }
    }
}
