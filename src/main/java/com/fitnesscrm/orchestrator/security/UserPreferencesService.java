package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.ui.ThemePreferenceStore;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own preferences, remembered across sessions and devices. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class UserPreferencesService implements ThemePreferenceStore {

    private final AppUserRepository users;
    private final Clock clock;

    UserPreferencesService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public boolean prefersDarkTheme() {
        return users.findByUsername(currentUsername()).map(user -> user.isDarkTheme()).orElse(false);
    }

    @Override
    @Transactional
    public void setPrefersDarkTheme(boolean dark) {
        users.findByUsername(currentUsername()).ifPresent(user -> user.setDarkTheme(dark, clock.instant()));
    }

    private static String currentUsername() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
