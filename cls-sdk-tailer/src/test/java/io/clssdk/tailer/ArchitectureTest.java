package io.clssdk.tailer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the tailer on its seams: from core it may use the API ({@code io.clssdk.core}) and {@code io.clssdk.core.spi};
 * from the producer only its API ({@code io.clssdk.producer}, whose {@code ClsProducer.openStream} is the seam files are
 * shipped through, so any producer implementation works); never either module's
 * {@code internal} packages, and never OkHttp (uploads go through the producer). Its public signatures are checked by
 * {@code ApiSurfaceTest} in examples.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.tailer");

    @Test
    void theTailerUsesCoreAndTheProducerOnlyThroughTheirApiAndSpi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk.core.internal..", "io.clssdk.producer.internal..")
                .check(CLASSES);
    }

    @Test
    void theTailerNeverTouchesOkHttp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "kotlin..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStandaloneCollectorUsesPicocliAndNothingElseUsesTheCollector() {
        // picocli is an optional dependency: library users never have it, so library code must not need it
        noClasses()
                .that()
                .resideOutsideOfPackage("io.clssdk.tailer.collector..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "io.clssdk.tailer.collector..")
                .check(CLASSES);
    }
}
