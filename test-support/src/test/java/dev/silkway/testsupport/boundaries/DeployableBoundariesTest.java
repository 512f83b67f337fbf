package dev.silkway.testsupport.boundaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.silkway.ingestion.probe.ReachesIntoTheStorefront;
import org.junit.jupiter.api.Test;

class DeployableBoundariesTest {

    private final JavaClasses ingestionUsingTheStorefront =
            new ClassFileImporter().importClasses(ReachesIntoTheStorefront.class);

    @Test
    void refusesAnApplicationThatUsesAnotherApplicationsCode() {
        assertThatThrownBy(() -> DeployableBoundaries.noApplicationDependsOnAnother.check(ingestionUsingTheStorefront))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIntoTheStorefront.storefront")
                .hasMessageContaining("StorefrontInternals");
    }

    @Test
    void placesAPackageInItsApplicationsFeatureAndSeesItsInternals() {
        assertThat(FeaturePackage.of("dev.silkway.ingestion.feed.internal.paging"))
                .contains(new FeaturePackage("dev.silkway.ingestion.feed", true));
        assertThat(FeaturePackage.of("dev.silkway.ingestion.feed"))
                .contains(new FeaturePackage("dev.silkway.ingestion.feed", false));
        assertThat(FeaturePackage.of("dev.silkway.ingestion")).isEmpty();
        assertThat(FeaturePackage.of("dev.silkway.platform.database")).isEmpty();
    }
}
