package io.clssdk.examples.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Every module's public signatures expose only JDK and cls-sdk API types ({@link ApiRules}). The modules' own
 * ArchitectureTests keep their layering; this checks the API surface of all of them, test fixtures included, from the
 * one module that depends on every other.
 */
class ApiSurfaceTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.core", "io.clssdk.producer", "io.clssdk.tailer");

    @Test
    void coreSignaturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core").check(CLASSES);
    }

    @Test
    void theCloudApiPackageExposesNoInternalOrThirdPartyTypes() {
        // resideInAPackage("io.clssdk.core") does not include sub-packages, so each API package is checked on its own.
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.api").check(CLASSES);
    }

    @Test
    void theTestFixturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.testing").check(CLASSES);
    }

    @Test
    void producerSignaturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.producer").check(CLASSES);
    }

    @Test
    void theProducerTestDoublesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.producer.testing").check(CLASSES);
    }

    @Test
    void tailerSignaturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.tailer").check(CLASSES);
    }

    @Test
    void theApiRuleCatchesAnInternalTypeInAPublicSignature() {
        // Uploader's public constructor takes HttpTransport, an internal type: the rule must flag it.
        assertThrows(
                AssertionError.class,
                () -> ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.internal.http")
                        .check(CLASSES));
    }
}
