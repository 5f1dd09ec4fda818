package com.fitnesscrm.orchestrator.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code SELF_HEALING}: on by default, its three modes, and any other value refused at startup, saying why. */
class SelfHealingModeTest {

    @Test
    void the_three_modes_are_read_and_unset_is_on() {
        assertThat(SelfHealingMode.fromSetting("on")).isEqualTo(SelfHealingMode.ON);
        assertThat(SelfHealingMode.fromSetting(" DRY_RUN ")).isEqualTo(SelfHealingMode.DRY_RUN);
        assertThat(SelfHealingMode.fromSetting("off")).isEqualTo(SelfHealingMode.OFF);
        assertThat(SelfHealingMode.fromSetting(null)).isEqualTo(SelfHealingMode.ON);
        assertThat(settings("").selfHealingMode()).isEqualTo(SelfHealingMode.ON);
    }

    @Test
    void any_other_value_stops_the_app_at_startup_naming_the_variable_and_what_is_allowed() {
        assertThatThrownBy(() -> settings("yes")).isInstanceOf(StartupConfigurationException.class)
                .hasMessageContaining("SELF_HEALING is 'yes'")
                .satisfies(e -> assertThat(((StartupConfigurationException) e).action())
                        .contains("on, dry_run, off"));
    }

    @Test
    void an_app_configured_with_an_unknown_mode_does_not_start() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withPropertyValues("orchestrator.health.self-healing=sometimes")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(StartupConfigurationException.class)
                        .hasMessageContaining("SELF_HEALING is 'sometimes'"));
    }

    @EnableConfigurationProperties(HealthSettings.class)
    static class Settings {
    }

    @Test
    void the_limit_and_the_cool_down_have_their_documented_defaults() {
        HealthSettings settings = settings("on");
        assertThat(settings.selfHealingMaxPerHour()).isEqualTo(3);
        assertThat(settings.selfHealingCoolDownMinutes()).isEqualTo(10);
    }

    private static HealthSettings settings(String selfHealing) {
        return new HealthSettings(null, null, null, null, null, null, selfHealing, null, null);
    }
}
