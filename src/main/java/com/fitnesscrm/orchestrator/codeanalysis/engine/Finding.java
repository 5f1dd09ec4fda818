package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.Category;
import com.fitnesscrm.orchestrator.codeanalysis.Severity;

/** A rule's raw finding, before {@link Issues} gives it a snippet, a fingerprint and its redactions. */
record Finding(String issueType, Category category, Severity severity, int line, String ruleId, String description,
               String suggestion) {

    static Finding of(IssueType type, Severity severity, int line, String ruleId, String description,
                      String suggestion) {
        return new Finding(type.code(), type.category, severity, line, ruleId, description, suggestion);
    }
}
