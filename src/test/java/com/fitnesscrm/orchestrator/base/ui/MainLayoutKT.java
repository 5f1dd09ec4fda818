package com.fitnesscrm.orchestrator.base.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.theme.lumo.Lumo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The light/dark switch in the header is remembered per user, across sessions. */
class MainLayoutKT extends KaribuTest {

    @Autowired
    private ThemePreferenceStore themePreferences;

    @AfterEach
    void backToLight() {
        startNewSession();
        login(UserRole.TRAINER);
        themePreferences.setPrefersDarkTheme(false);
    }

    @Test
    void a_user_who_chooses_dark_gets_dark_again_in_the_next_session() {
        login(UserRole.TRAINER);
        themePreferences.setPrefersDarkTheme(false);
        startNewSession();
        login(UserRole.TRAINER);
        assertThat(isDark()).isFalse();

        _click(themeToggle());
        assertThat(isDark()).isTrue();
        assertThat(themeToggle().getText()).isEqualTo("Light");

        startNewSession();
        login(UserRole.TRAINER);
        assertThat(isDark()).isTrue();
    }

    @Test
    void one_users_choice_does_not_change_another_users_theme() {
        login(UserRole.TRAINER);
        _click(themeToggle());
        assertThat(isDark()).isTrue();

        startNewSession();
        login(UserRole.ADMIN);
        assertThat(isDark()).isFalse();
    }

    @Test
    void the_header_names_the_signed_in_user() {
        login(UserRole.TRAINER);
        assertThat(get_textRecursively(_get(MainLayout.class))).contains(TRAINER_USERNAME).contains("Log out");
    }

    private static Button themeToggle() {
        return _get(Button.class, spec -> spec.withId("theme-toggle"));
    }

    private static boolean isDark() {
        return UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK);
    }
}
