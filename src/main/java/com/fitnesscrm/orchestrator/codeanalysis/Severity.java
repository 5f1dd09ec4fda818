package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;

/** The original service's severities, lowest first (so {@link #compareTo} orders them). */
public enum Severity implements Coded {
    LOW, MEDIUM, HIGH, CRITICAL;
}
