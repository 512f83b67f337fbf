package dev.silkway.testsupport.boundaries;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The boundaries every deployable keeps, as ArchUnit rules over the classes of the one application
 * that a test imports ({@code @AnalyzeClasses(packages = "dev.silkway.<application>")}, tests
 * excluded). A feature is a top-level package of an application ({@code dev.silkway.ingestion.feed});
 * the rules name no feature, so they hold for the packages added later as well.
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "dev.silkway.ingestion", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ApplicationBoundariesTest {
 *     &#64;ArchTest
 *     static final ArchTests boundaries = ArchTests.in(DeployableBoundaries.class);
 * }
 * </pre>
 */
public final class DeployableBoundaries {

    /** The root packages of the deployable applications; a library (platform, db, elastic) is none of them. */
    static final Set<String> APPLICATIONS = Set.of(
            "dev.silkway.ingestion",
            "dev.silkway.storefront",
            "dev.silkway.indexer",
            "dev.silkway.tracking",
            "dev.silkway.sandbox");

    private DeployableBoundaries() {}

    /**
     * Feature packages depend on each other in one direction only: no two features need each other. (An
     * application without feature packages yet, tracking-poller today, has no slices.)
     */
    @ArchTest
    static final ArchRule featurePackagesFormNoCycles = slices().matching("dev.silkway.(*).(*)..")
            .namingSlices("$1.$2")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    /** A feature's {@code internal} packages are its own: other features use its facade, commands and events. */
    @ArchTest
    static final ArchRule noFeatureReachesIntoAnotherFeaturesInternals =
            classes().should(onlyReachOwnInternals());

    /** An application shares code with the others through libraries only, never through another application. */
    @ArchTest
    static final ArchRule noApplicationDependsOnAnother = classes().should(dependOnNoOtherApplication());

    private static ArchCondition<JavaClass> onlyReachOwnInternals() {
        return new ArchCondition<>("only reach into the internal packages of their own feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = FeaturePackage.of(origin.getPackageName())
                        .map(FeaturePackage::feature)
                        .orElse("");
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    FeaturePackage.of(dependency.getTargetClass().getPackageName())
                            .filter(target ->
                                    target.internal() && !target.feature().equals(own))
                            .ifPresent(target ->
                                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnNoOtherApplication() {
        return new ArchCondition<>("depend on no other application") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = application(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target =
                            application(dependency.getTargetClass().getPackageName());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    static Optional<String> application(String packageName) {
        return APPLICATIONS.stream()
                .filter(root -> packageName.equals(root) || packageName.startsWith(root + "."))
                .findFirst();
    }
}
