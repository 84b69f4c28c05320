package io.clssdk.examples.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsClient;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.producer.ClsProducer;
import io.clssdk.tailer.Tailer;
import java.io.File;
import java.net.URISyntaxException;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published jar names its JPMS module in its manifest ({@code Automatic-Module-Name}, set by the parent pom's
 * jar plugin configuration), so module-path users get stable names rather than ones derived from file names. Runs in
 * {@code integration-test}, when the reactor's class path holds the modules' packaged jars; it reads the manifest of
 * the jar each module's class was loaded from.
 */
class ModuleNamesIT {
    static Stream<Arguments> modules() throws ClassNotFoundException {
        return Stream.of(
                Arguments.of(ClsClient.class, "io.clssdk.core"),
                Arguments.of(ClsProducer.class, "io.clssdk.producer"),
                Arguments.of(Tailer.class, "io.clssdk.tailer"),
                Arguments.of(FakeClsServer.class, "io.clssdk.testing"),
                // The generated wire model is internal; named by string so this test imports no internal type.
                Arguments.of(Class.forName("io.clssdk.core.internal.proto.ClsProto"), "io.clssdk.proto"));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eachJarNamesItsModule(Class<?> member, String moduleName) throws Exception {
        File location = locationOf(member);
        assertTrue(
                location.isFile(),
                member.getName() + " was loaded from " + location + ", not a jar: run through `mvn verify`");
        try (JarFile jar = new JarFile(location)) {
            assertEquals(
                    moduleName,
                    jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                    "Automatic-Module-Name of " + location);
        }
    }

    private static File locationOf(Class<?> member) throws URISyntaxException {
        return new File(
                member.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
