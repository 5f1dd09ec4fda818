package com.fitnesscrm.orchestrator.base.database;

import com.fitnesscrm.orchestrator.base.StartupConfigurationException;

/** The database the app should use cannot be determined or started as configured. */
public class DatabaseConfigurationException extends StartupConfigurationException {

    private static final String ACTION = "Set DATABASE_URL to postgresql://user:password@host:port/database, or "
            + "SPRING_DATASOURCE_URL with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD; leave all of them "
            + "unset to run on the embedded PostgreSQL (not on Railway).";

    public DatabaseConfigurationException(String message) {
        super(message, ACTION);
    }

    public DatabaseConfigurationException(String message, Throwable cause) {
        super(message, ACTION, cause);
    }
}
