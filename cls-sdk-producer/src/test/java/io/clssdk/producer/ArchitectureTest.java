package io.clssdk.producer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clssdk.core.testing.ApiRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.producer");

    @Test
    void publicSignaturesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.producer").check(CLASSES);
    }

    @Test
    void theTestDoublesExposeNoInternalOrThirdPartyTypes() {
        ApiRules.publicApiExposesOnlyApiTypes("io.clssdk.producer.testing").check(CLASSES);
    }

    @Test
    void theProducerNeverTouchesOkHttpDirectly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "kotlin..", "io.clssdk.tailer..")
                .check(CLASSES);
    }
}
