package io.clssdk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clssdk.core.testing.ApiRules;
import org.junit.jupiter.api.Test;

/** Keeps internals, generated protobuf and third-party types out of the public API of cls-sdk-core. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.core");

    @Test
    void publicSignaturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core").check(CLASSES);
    }

    @Test
    void theCloudApiPackageExposesNoInternalOrThirdPartyTypes() {
        // resideInAPackage("io.clssdk.core") does not include sub-packages, so the api package is checked on its own.
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.api").check(CLASSES);
    }

    @Test
    void theApiRuleCatchesAnInternalTypeInAPublicSignature() {
        // Uploader's public constructor takes HttpTransport, an internal type: the rule must flag it.
        org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class,
                () -> ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.internal.http")
                        .check(CLASSES));
    }

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
