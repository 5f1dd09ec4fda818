package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.ui.ThemePreferenceStore;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own preferences, remembered across sessions and devices. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class UserPreferencesService implements ThemePreferenceStore {

    private final AppUserRepository users;
    private final SecurityContextHolderStrategy securityContext;

    UserPreferencesService(AppUserRepository users, SecurityContextHolderStrategy securityContext) {
        this.users = users;
        this.securityContext = securityContext;
    }

    @Override
    public boolean prefersDarkTheme() {
        return users.findByUsername(currentUsername()).map(user -> user.isDarkTheme()).orElse(false);
    }

    @Override
    @Transactional
    public void setPrefersDarkTheme(boolean dark) {
        users.updateDarkTheme(currentUsername(), dark);
    }

    private String currentUsername() {
        return securityContext.getContext().getAuthentication().getName();
    }
}
