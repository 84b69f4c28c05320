package io.clssdk.examples.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ArchUnit rule for every module's API: public and protected members of public API types (everything outside
 * {@code ..internal..} and {@code ..spi..}) may only mention JDK types and other API types of this SDK — no internal
 * types, no {@code spi} types (those are for cls-sdk's own modules and carry no compatibility promise), no generated
 * protobuf, no OkHttp, Okio, Kotlin, Jackson or lz4 types — so a shaded jar can relocate those libraries safely. It
 * lives here, beside {@link ApiSurfaceTest}, because examples is the one module whose class path holds every module.
 */
final class ApiRules {
    private ApiRules() {}

    static ArchRule publicApiExposesOnlyApiTypes(String apiPackage) {
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(apiPackage)
                .and()
                .arePublic()
                .should(exposeOnlyApiTypes())
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaClass> exposeOnlyApiTypes() {
        return new ArchCondition<JavaClass>("expose only JDK and cls-sdk API types in public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<JavaClass> exposed = new LinkedHashSet<>();
                if (type.getRawSuperclass().isPresent()) {
                    exposed.add(type.getRawSuperclass().get());
                }
                exposed.addAll(type.getRawInterfaces());
                for (JavaField f : type.getFields()) {
                    if (isVisible(f.getModifiers())) {
                        exposed.add(f.getRawType());
                    }
                }
                for (JavaCodeUnit c : type.getCodeUnits()) {
                    if (isVisible(c.getModifiers())) {
                        exposed.add(c.getRawReturnType());
                        exposed.addAll(c.getRawParameterTypes());
                        exposed.addAll(c.getThrowsClause().getTypes());
                    }
                }
                for (JavaClass t : exposed) {
                    JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                    if (!allowed.test(base)) {
                        events.add(SimpleConditionEvent.violated(
                                type, type.getName() + " exposes " + base.getName() + " in a public signature"));
                    }
                }
            }
        };
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static final DescribedPredicate<JavaClass> allowed =
            new DescribedPredicate<JavaClass>("JDK or cls-sdk API type") {
                @Override
                public boolean test(JavaClass c) {
                    String name = c.getName();
                    if (c.isPrimitive()) {
                        return true;
                    }
                    if (name.startsWith("java.") || name.startsWith("javax.")) {
                        return true;
                    }
                    return name.startsWith("io.clssdk.") && !name.contains(".internal.") && !name.contains(".spi.");
                }
            };
}
