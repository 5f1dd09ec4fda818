package com.fitnesscrm.orchestrator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package-by-feature layout of STYLE.md, checked on the compiled production code. Each rule is a method over a
 * root package so that it can also be shown to fail on a fixture that breaks it on purpose (the {@code fixture} and
 * {@code layers} packages next to this test, which production never sees).
 */
class ArchitectureTest {

    private static final String ROOT = "com.fitnesscrm.orchestrator";
    private static final String LAYERS = ROOT + ".architecture.layers";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    private static final JavaClasses BROKEN_LAYERS = new ClassFileImporter().importPackages(LAYERS);

    /** Features react to each other through events or shared base types, never in a circle. */
    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles();
    }

    /** A feature's data access and jobs ({@code internal}) and its rules ({@code engine}) are its own business. */
    static ArchRule noFeatureReachesIntoAnother(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("reach into no other feature's internal or engine package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = feature(root, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            String other = feature(root, target);
                            if (other != null && !other.equals(own) && isHidden(root, other, target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * REST controllers and views call a feature's root (its services and records), nothing below it: not its
     * {@code internal} or {@code engine}, nor any other package a feature may grow. Three exceptions: a feature's
     * {@code vocabulary} (the enums its records are written in, which a form offers and a controller reads), other
     * {@code ui} packages (shared components such as the client picker) and {@code api} packages; base is no feature.
     */
    static ArchRule apiAndUiCallOnlyTheFeatureRoot(String root) {
        return noClasses().that().resideInAnyPackage(root + ".*.api..", root + ".*.ui..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are below a feature's root",
                        javaClass -> isBelowAFeatureRoot(root, javaClass.getPackageName())));
    }

    /** Shared code knows no feature, so that any feature can use it. */
    static ArchRule baseDependsOnNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".base..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are in a feature package",
                        javaClass -> feature(root, javaClass.getPackageName()) != null
                                && !"base".equals(feature(root, javaClass.getPackageName()))));
    }

    private static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isBelowAFeatureRoot(String root, String packageName) {
        String feature = feature(root, packageName);
        if (feature == null || "base".equals(feature) || packageName.equals(root + "." + feature)) {
            return false;
        }
        String below = packageName.substring((root + "." + feature + ".").length());
        String layer = below.contains(".") ? below.substring(0, below.indexOf('.')) : below;
        return !List.of("vocabulary", "ui", "api").contains(layer);
    }

    private static boolean isHidden(String root, String feature, String packageName) {
        String prefix = root + "." + feature + ".";
        return packageName.equals(prefix + "internal") || packageName.startsWith(prefix + "internal.")
                || packageName.equals(prefix + "engine") || packageName.startsWith(prefix + "engine.");
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
    void no_feature_reaches_into_another_features_internal_or_engine() {
        noFeatureReachesIntoAnother(ROOT).check(PRODUCTION);
    }

    @Test
    void the_reach_in_rule_fails_on_a_service_that_calls_another_features_engine() {
        assertThatThrownBy(() -> noFeatureReachesIntoAnother(LAYERS).check(BROKEN_LAYERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GammaService")
                .hasMessageContaining("DeltaEngine");
    }

    @Test
    void controllers_and_views_never_reach_below_a_feature_root() {
        apiAndUiCallOnlyTheFeatureRoot(ROOT).check(PRODUCTION);
    }

    @Test
    void the_root_only_rule_fails_on_a_view_that_reads_its_features_table() {
        assertThatThrownBy(() -> apiAndUiCallOnlyTheFeatureRoot(LAYERS).check(BROKEN_LAYERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GammaView")
                .hasMessageContaining("GammaTable")
                .hasMessageNotContaining("GammaController");
    }

    @Test
    void the_root_only_rule_fails_on_a_view_that_uses_a_package_below_its_root_that_is_not_its_vocabulary() {
        assertThatThrownBy(() -> apiAndUiCallOnlyTheFeatureRoot(LAYERS).check(BROKEN_LAYERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GammaView")
                .hasMessageContaining("GammaDraft")
                .hasMessageNotContaining("GammaWord");
    }

    @Test
    void base_depends_on_no_feature() {
        baseDependsOnNoFeature(ROOT).check(PRODUCTION);
    }

    @Test
    void the_base_rule_fails_on_shared_code_that_knows_a_feature() {
        assertThatThrownBy(() -> baseDependsOnNoFeature(LAYERS).check(BROKEN_LAYERS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BaseHelper")
                .hasMessageContaining("GammaService");
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
