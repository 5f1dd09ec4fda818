package com.fitnesscrm.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void eleven_characters_are_too_few_and_twelve_are_enough() {
        assertThat(PasswordPolicy.problemWith("abcdefghijk")).isEqualTo(
                "The password must be at least 12 characters long.");
        assertThat(PasswordPolicy.problemWith("abcdefghijkl")).isNull();
    }

    @Test
    void counts_characters_not_bytes_for_the_minimum() {
        assertThat(PasswordPolicy.problemWith("ü".repeat(12))).isNull();
        assertThat(PasswordPolicy.problemWith("😀".repeat(11))).isNotNull();
    }

    @Test
    void refuses_what_bcrypt_would_silently_cut() {
        assertThat(PasswordPolicy.problemWith("x".repeat(72))).isNull();
        assertThat(PasswordPolicy.problemWith("x".repeat(73))).contains("at most 72 bytes");
    }

    @Test
    void refuses_a_missing_or_blank_password() {
        assertThat(PasswordPolicy.problemWith(null)).isNotNull();
        assertThat(PasswordPolicy.problemWith(" ".repeat(20))).isEqualTo("The password must not be only spaces.");
    }
}
