package io.clssdk.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clssdk.core.spi.HttpTransport;
import org.junit.jupiter.api.Test;

/**
 * Keeps cls-sdk-core's layering: it depends on neither producer nor tailer, only the HTTP adapter ({@link
 * HttpTransport}) touches OkHttp, and {@code core.spi}, which the other modules build on, stays clear of the Cloud API
 * and sync clients. What the other modules may import from core is checked in their own ArchitectureTests.
 * The rule that keeps internal and third-party types out of public signatures is checked for every module at once by
 * {@code ApiSurfaceTest} in examples, the one module that sees them all.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.core");

    @Test
    void coreDependsOnNeitherProducerNorTailer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk.producer..", "io.clssdk.tailer..")
                .check(CLASSES);
    }

    @Test
    void okHttpIsUsedOnlyByTheHttpAdapter() {
        noClasses()
                .that(not(belongToAnyOf(HttpTransport.class)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "kotlin..")
                .check(CLASSES);
    }

    @Test
    void theSpiDependsOnNoApiClientImplementation() {
        // core.spi is what the other modules build on; it must not drag in the Cloud API client or the sync client.
        noClasses()
                .that()
                .resideInAPackage("io.clssdk.core.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk.core.internal.api..", "io.clssdk.core.api..")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(io.clssdk.core.internal.DefaultClsClient.class)
                .check(CLASSES);
    }
}
