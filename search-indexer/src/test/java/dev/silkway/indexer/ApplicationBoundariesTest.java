package dev.silkway.indexer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.silkway.testsupport.boundaries.DeployableBoundaries;

/** This application's feature packages keep their boundaries (see {@link DeployableBoundaries}). */
@AnalyzeClasses(packages = "dev.silkway.indexer", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationBoundariesTest {

    @ArchTest
    static final ArchTests boundaries = ArchTests.in(DeployableBoundaries.class);
}
