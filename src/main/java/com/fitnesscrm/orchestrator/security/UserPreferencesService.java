package com.fitnesscrm.orchestrator.security;

import com.fitnesscrm.orchestrator.base.ui.ThemePreferenceStore;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.security.internal.AppUserRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own preferences, remembered across sessions and devices. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class UserPreferencesService implements ThemePreferenceStore {

    private final AppUserRepository users;
    private final CurrentRequester requester;
    private final CrmDirectory crm;

    UserPreferencesService(AppUserRepository users, CurrentRequester requester, CrmDirectory crm) {
        this.users = users;
        this.requester = requester;
        this.crm = crm;
    }

    /**
     * The CRM trainer the signed-in user is: the one an admin linked them to, else the trainer whose e-mail is their
     * user name; empty when neither (or without a CRM).
     */
    public Optional<CrmTrainer> crmTrainer() {
        return users.findByUsername(currentUsername()).flatMap(user -> user.getCrmTrainerId() != null
                ? crm.trainer(user.getCrmTrainerId())
                : crm.trainerByEmail(user.getUsername()));
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
        return requester.name();
    }
}
