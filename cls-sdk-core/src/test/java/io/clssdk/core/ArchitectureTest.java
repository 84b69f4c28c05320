package io.clssdk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps cls-sdk-core's layering: it depends on neither producer nor tailer nor on OkHttp, Okio or Kotlin (the HTTP
 * adapter, {@code core.spi.HttpTransport}, is the SDK's own), and {@code core.spi}, which the other modules build on, stays clear of the Cloud API
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
    void noClassDependsOnOkHttpOkioOrKotlin() {
        // the HTTP adapter (HttpTransport) is the SDK's own client over the JDK's sockets and TLS
        noClasses()
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
