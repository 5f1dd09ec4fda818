package com.fitnesscrm.orchestrator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/** The package-by-feature layout of STYLE.md, checked on the compiled production code. */
class ArchitectureTest {

    private static final String ROOT = "com.fitnesscrm.orchestrator";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Features react to each other through events or shared base types, never in a circle. */
    static ArchRule featuresAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    @Test
    void features_do_not_depend_on_each_other_in_a_cycle() {
        featuresAreFreeOfCycles(ROOT).check(PRODUCTION);
    }

    @Test
    void the_cycle_rule_fails_on_two_features_that_use_each_other() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".architecture.fixture");
        assertThatThrownBy(() -> featuresAreFreeOfCycles(ROOT + ".architecture.fixture").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("feature alpha")
                .hasMessageContaining("feature beta");
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage(ROOT + ".base..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in a feature package",
                        javaClass -> javaClass.getPackageName().startsWith(ROOT + ".")
                                && !javaClass.getPackageName().startsWith(ROOT + ".base")))
                .check(PRODUCTION);
    }

    @Test
    void views_call_services_never_the_internal_data_access() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(PRODUCTION);
    }

    @Test
    void every_view_says_who_may_open_it() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(PRODUCTION);
    }
}
