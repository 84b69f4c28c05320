package io.clssdk.examples.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clssdk.examples.bench.ParseBenchmark;
import org.junit.jupiter.api.Test;

/**
 * The examples show what an application can write, so they use only the modules' public API. The exceptions are the
 * benchmarks in {@code io.clssdk.examples.bench}, which measure the SDK's building blocks: they may use the modules'
 * {@code spi} packages (the encoders in {@code EncodeBenchmark}), and {@code ParseBenchmark} alone may use the tailer's
 * parsers in {@code io.clssdk.tailer.internal.parse} (no other module needs them, so they have no {@code spi}). No
 * other example or benchmark uses an {@code internal} package.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clssdk.examples");

    @Test
    void examplesUseNoInternalPackage() {
        noClasses()
                .that(not(belongToAnyOf(ParseBenchmark.class)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk..internal..")
                .check(CLASSES);
    }

    @Test
    void theParseBenchmarkUsesOnlyTheTailersParsersFromItsInternals() {
        noClasses()
                .that(belongToAnyOf(ParseBenchmark.class))
                .should()
                .dependOnClassesThat(resideInAnyPackage("io.clssdk..internal..")
                        .and(not(resideInAPackage("io.clssdk.tailer.internal.parse"))))
                .check(CLASSES);
    }

    @Test
    void examplesOutsideTheBenchmarksUseOnlyThePublicApi() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.clssdk.examples.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.clssdk..spi..")
                .check(CLASSES);
    }
}
