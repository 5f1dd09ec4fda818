package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;

/** The original service's issue categories. */
public enum Category implements Coded {
    SECURITY, BUG, PERFORMANCE, STYLE;
}
