package com.fitnesscrm.orchestrator.base;

/**
 * The app cannot start as configured, for a reason the person deploying it can fix. The message is one line naming
 * the environment variable and what is wrong; {@link StartupConfigurationFailureAnalyzer} prints it with the action
 * instead of a stack trace.
 */
public class StartupConfigurationException extends RuntimeException {

    private final String action;

    public StartupConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    public StartupConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
