package com.fitnesscrm.orchestrator.base.ui;

/**
 * Remembers the signed-in user's light or dark choice. The main layout needs it but must not depend on the feature
 * that stores users, so that feature implements this.
 */
public interface ThemePreferenceStore {

    boolean prefersDarkTheme();

    void setPrefersDarkTheme(boolean dark);
}
