package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.codeanalysis.Category;

/**
 * The issue types our own rules report, spelled as issue 15 lists them ({@link #code()}). PMD's rules bring more
 * (e.g. {@code return_from_finally}); those are named in {@link PmdRules}.
 */
enum IssueType implements Coded {
    SQL_INJECTION(Category.SECURITY),
    COMMAND_INJECTION(Category.SECURITY),
    CODE_INJECTION(Category.SECURITY),
    INSECURE_DESERIALIZATION(Category.SECURITY),
    HARDCODED_SECRET(Category.SECURITY),
    WEAK_CRYPTO(Category.SECURITY),
    TLS_VERIFICATION_DISABLED(Category.SECURITY),
    DEBUG_MODE(Category.SECURITY),
    TEMPLATE_INJECTION(Category.SECURITY),
    BIND_ALL_INTERFACES(Category.SECURITY),
    SWALLOWED_EXCEPTION(Category.BUG),
    STRING_IDENTITY_COMPARISON(Category.BUG),
    RESOURCE_LEAK(Category.BUG),
    XSS(Category.SECURITY),
    INSECURE_RANDOMNESS(Category.SECURITY),
    PATH_TRAVERSAL(Category.SECURITY);

    final Category category;

    IssueType(Category category) {
        this.category = category;
    }
}
