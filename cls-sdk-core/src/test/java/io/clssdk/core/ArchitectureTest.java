package io.clssdk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps cls-sdk-core's layering: it depends on neither producer nor tailer, and only the HTTP adapter touches OkHttp.
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
                .that()
                .resideOutsideOfPackage("io.clssdk.core.internal.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "kotlin..")
                .check(CLASSES);
    }
}
