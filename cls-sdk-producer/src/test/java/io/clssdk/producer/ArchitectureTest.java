package io.clssdk.producer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the producer off OkHttp and the tailer, and on core's seams: it may use core's API ({@code io.clssdk.core})
 * and {@code io.clssdk.core.spi}, never {@code io.clssdk.core.internal}. Its public signatures (including the test
 * doubles) are checked by {@code ApiSurfaceTest} in examples.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.producer");

    @Test
    void theProducerNeverTouchesOkHttpDirectly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "okio..", "kotlin..", "io.clssdk.tailer..")
                .check(CLASSES);
    }

    @Test
    void theProducerUsesCoreOnlyThroughItsApiAndSpi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk.core.internal..")
                .check(CLASSES);
    }

    @Test
    void theAppendersUseOnlyThePublicApiOfProducerAndCore() {
        noClasses()
                .that()
                .resideInAPackage("io.clssdk.producer.appender..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.clssdk.producer.internal..", "io.clssdk.producer.spi..", "io.clssdk.core.internal..")
                .check(CLASSES);
    }

    @Test
    void eachAppenderNeedsOnlyItsOwnFramework() {
        // logback and log4j2 are optional dependencies: an application has one of them, so neither appender, nor
        // the code they share, may touch the other framework (the SDK's own logging stays on slf4j-api).
        noClasses()
                .that()
                .haveSimpleNameStartingWith("ClsLog4j2")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..")
                .check(CLASSES);
        noClasses()
                .that()
                .haveSimpleNameStartingWith("ClsLogback")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.logging..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("io.clssdk.producer.appender")
                .and()
                .haveSimpleNameNotStartingWith("ClsLog")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.apache.logging..", "org.slf4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAppenderPackageUsesALoggingFramework() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.clssdk.producer.appender..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.apache.logging..")
                .check(CLASSES);
    }
}
