package io.clssdk.examples.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClass;
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
        checkApiOf("io.clssdk.core");
    }

    @Test
    void theCloudApiPackageExposesNoInternalOrThirdPartyTypes() {
        // resideInAPackage("io.clssdk.core") does not include sub-packages, so each API package is checked on its own.
        checkApiOf("io.clssdk.core.api");
    }

    @Test
    void theTestFixturesExposeNoInternalOrThirdPartyTypes() {
        checkApiOf("io.clssdk.core.testing");
    }

    @Test
    void producerSignaturesExposeNoInternalOrThirdPartyTypes() {
        checkApiOf("io.clssdk.producer");
    }

    @Test
    void theProducerTestDoublesExposeNoInternalOrThirdPartyTypes() {
        checkApiOf("io.clssdk.producer.testing");
    }

    @Test
    void tailerSignaturesExposeNoInternalOrThirdPartyTypes() {
        checkApiOf("io.clssdk.tailer");
    }

    /** Checks one API package, which must hold classes: the rule allows an empty selection. */
    private static void checkApiOf(String apiPackage) {
        assertFalse(
                CLASSES.that(JavaClass.Predicates.resideInAPackage(apiPackage)).isEmpty(),
                apiPackage + " is on the class path");
        ApiRules.publicApiExposesOnlyApiTypes(apiPackage).check(CLASSES);
    }

    @Test
    void theApiRuleCatchesAnInternalTypeInAPublicSignature() {
        // Uploader's public constructor takes HttpTransport, a spi type (not API): the rule must flag it.
        assertThrows(
                AssertionError.class,
                () -> ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.core.spi")
                        .check(CLASSES));
    }
}
