package io.clssdk.examples.shaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import io.clssdk.core.testing.ReceivedRequest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the shaded {@code cls-sdk-tailer-<version>-all.jar} works in an application that has its own, older OkHttp,
 * Okio, Jackson, protobuf and lz4-java (the SDK uses no OkHttp at all, and the jar holds none): {@link ConflictHostApp} runs in a child JVM whose classpath holds only that jar,
 * slf4j, those old libraries and the host class itself, and uploads logs to a {@link FakeClsServer} in this JVM.
 *
 * <p>The jar and the old libraries are copied to {@code target/conflict-classpath} by the dependency plugin in
 * {@code pre-integration-test}; failsafe runs this class in {@code integration-test}.
 */
class ShadedJarIT {
    private static final Path CLASSPATH_DIR =
            Paths.get(System.getProperty("conflictClasspath", "target/conflict-classpath"));
    private static final Path SHADED_JAR = CLASSPATH_DIR.resolve("cls-sdk-tailer-all.jar");
    private static final int LOGS = 500;
    private static final String TOPIC = "conflict-topic";

    @Test
    void theAllJarHoldsTheSdkAndRelocatedLibrariesOnly() throws IOException {
        Set<String> classes = new HashSet<>();
        try (ZipFile jar = new ZipFile(SHADED_JAR.toFile())) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                assertTrue(name.startsWith("io/clssdk/") || name.startsWith("META-INF/"), name);
                assertFalse(name.startsWith("META-INF/versions/"), name);
                assertFalse(name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"), name);
                assertFalse(name.contains("protobuf") || name.contains("slf4j"), name);
                // the SDK's HTTP client is its own: no OkHttp, Okio or Kotlin to bundle
                assertFalse(name.contains("okhttp3") || name.contains("okio") || name.contains("kotlin"), name);
                classes.add(name);
            }
        }
        for (String expected : new String[] {
            "io/clssdk/core/ClsClient.class",
            "io/clssdk/producer/ClsProducer.class",
            "io/clssdk/tailer/Tailer.class",
            "io/clssdk/core/spi/HttpTransport.class",
            "io/clssdk/shaded/com/fasterxml/jackson/databind/ObjectMapper.class",
            "io/clssdk/shaded/net/jpountz/lz4/LZ4Factory.class",
            "META-INF/services/io.clssdk.shaded.com.fasterxml.jackson.core.JsonFactory",
            "META-INF/LICENSE"
        }) {
            assertTrue(classes.contains(expected), expected + " missing from " + SHADED_JAR);
        }
    }

    @Test
    void producerUploadsFromAnApplicationWithConflictingLibraries(@TempDir Path tmp) throws Exception {
        try (FakeClsServer server = FakeClsServer.start()) {
            Path out = tmp.resolve("stdout.txt");
            Path err = tmp.resolve("stderr.txt");
            Process child = new ProcessBuilder(childCommand(tmp, server))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                fail("the host application did not finish in 120 s; output:\n" + read(out) + read(err));
            }
            String stdout = read(out);
            String stderr = read(err);
            String both = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
            System.out.println("host application " + both); // kept in target/failsafe-reports
            assertEquals(0, child.exitValue(), both);

            // the application's own libraries are the old ones, and they work
            assertLine(stdout, "okhttp.answer=pong", both);
            assertLine(stdout, "okhttp.jar=okhttp-3.14.9.jar", both);
            assertLine(stdout, "okio.jar=okio-1.17.2.jar", both);
            assertLine(stdout, "jackson.roundTrip=42", both);
            assertLine(stdout, "jackson.version=2.9.10", both);
            assertLine(stdout, "protobuf.roundTrip=protobuf", both);
            assertLine(stdout, "protobuf.jar=protobuf-java-2.5.0.jar", both);
            assertLine(stdout, "lz4.roundTrip=true", both);
            assertLine(stdout, "lz4.jar=lz4-java-1.7.1.jar", both);
            // the SDK uses its own HTTP client and its relocated copies; its lz4 is the pure-Java build and never
            // touches native code
            assertLine(stdout, "sdk.http.jar=cls-sdk-tailer-all.jar", both);
            assertLine(stdout, "sdk.lz4.nativeLoaded=false", both);
            assertLine(stdout, "sdk.closed=true", both);
            // e.g. JDK 24+'s "System::loadLibrary has been called by io.clssdk.shaded.net.jpountz.util.Native"
            assertFalse(stderr.contains("io.clssdk.shaded.net.jpountz"), both);

            assertReceivedExactlyTheLogs(server);
        }
    }

    private static void assertReceivedExactlyTheLogs(FakeClsServer server) {
        List<ReceivedLog> logs = server.logs(TOPIC);
        assertEquals(LOGS, logs.size());
        Set<String> seqs = new HashSet<>();
        for (ReceivedLog log : logs) {
            assertEquals(ConflictHostApp.MESSAGE, log.field("message"));
            assertTrue(seqs.add(log.field("seq")), "duplicate " + log);
        }
        for (int i = 0; i < LOGS; i++) {
            assertTrue(seqs.contains(Integer.toString(i)), "log " + i + " missing");
        }
        for (ReceivedRequest request : server.requests()) {
            assertEquals("lz4", request.header("x-cls-compress-type"));
        }
        assertEquals(logs.size(), server.logCount());
    }

    /** java -cp <host class dir>:<every jar in conflict-classpath> ConflictHostApp <url> <id> <key> <topic> <count> */
    private static List<String> childCommand(Path tmp, FakeClsServer server) throws IOException {
        StringBuilder classpath = new StringBuilder(copyHostClass(tmp).toString());
        File[] jars = CLASSPATH_DIR.toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        assertNotNull(jars, CLASSPATH_DIR + " is missing: run through `mvn verify`");
        for (File jar : jars) {
            classpath.append(File.pathSeparatorChar).append(jar.getAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(classpath.toString());
        command.add(ConflictHostApp.class.getName());
        command.add(server.endpoint().url());
        command.add(FakeClsServer.SECRET_ID);
        command.add(FakeClsServer.SECRET_KEY);
        command.add(TOPIC);
        command.add(Integer.toString(LOGS));
        return command;
    }

    /** Copies ConflictHostApp's class files (and nothing else from this module) into a directory of their own. */
    private static Path copyHostClass(Path tmp) throws IOException {
        Path root = tmp.resolve("host-classes");
        String packagePath = ConflictHostApp.class.getPackage().getName().replace('.', '/');
        Path packageDir = Files.createDirectories(root.resolve(packagePath));
        Path compiled = Paths.get(ConflictHostApp.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .resolve(packagePath);
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(ConflictHostApp.class.getSimpleName())) {
                    Files.copy(f, packageDir.resolve(name));
                }
            }
        }
        return root;
    }

    private static void assertLine(String output, String line, String context) {
        assertTrue(
                output.contains(line + System.lineSeparator()) || output.endsWith(line),
                line + " expected in\n" + context);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
