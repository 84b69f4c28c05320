package io.clssdk.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * cls-sdk-testing as a user gets it: {@code src/it/consumer/example/FixtureConsumer.java} (an upload to
 * {@link FakeClsServer} with a scripted fault, LZ4 and DEFLATE, and a Cloud API call to {@link FakeCloudApi}) is
 * compiled and then run in a child JVM with only this module's jar and the runtime closure of its pom on the class path
 * (written by the dependency plugin's {@code build-classpath}: compile and runtime dependencies, transitively, without
 * test or provided ones — what a test-scoped dependency on this artifact brings). A fixture dependency declared in the
 * wrong scope, or missing, fails the compilation or the run. The plugin keeps this module's own optional dependencies,
 * which a consumer would not get, so the pom (published as it is) is also checked to declare none.
 */
class PublishedDependenciesIT {
    private static final Path CONSUMER_SOURCE = Paths.get("src/it/consumer/example/FixtureConsumer.java");

    @Test
    void everyDependencyOutsideTestScopeReachesConsumers() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        NodeList dependencies = pom.getElementsByTagName("dependency");
        assertTrue(dependencies.getLength() > 0, "pom.xml declares dependencies");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (!"project".equals(dependency.getParentNode().getParentNode().getNodeName())) {
                continue; // a plugin's own dependency
            }
            String artifact = text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if ("test".equals(scope)) {
                continue;
            }
            assertTrue(
                    scope == null || scope.equals("compile") || scope.equals("runtime"),
                    artifact + " has scope " + scope + ", which consumers do not inherit");
            assertFalse(
                    "true".equals(text(dependency, "optional")), artifact + " is optional: consumers would miss it");
        }
    }

    @Test
    void aConsumerWithOnlyThisArtifactAndItsDeclaredDependenciesCompilesAndRuns(@TempDir Path tmp) throws Exception {
        String classpath = consumerClasspath();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(
                null,
                null,
                null,
                "-classpath",
                classpath,
                "-d",
                classes.toString(),
                "-proc:none",
                CONSUMER_SOURCE.toString());
        assertEquals(0, compiled, "the consumer compiles against the fixtures jar and its declared dependencies");

        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process child = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        classes + File.pathSeparator + classpath,
                        "example.FixtureConsumer")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the consumer did not finish within 60 s; stderr:\n" + read(err));
        }
        assertEquals(0, child.exitValue(), "the consumer runs; stderr:\n" + read(err));
        assertTrue(read(out).contains("fixtures work"), "stdout: " + read(out));
    }

    /** This module's jar, then every jar of the runtime closure of its pom. */
    private static String consumerClasspath() throws IOException {
        Path fixturesJar = Paths.get(required("consumer.fixturesJar"));
        assertTrue(Files.isRegularFile(fixturesJar), fixturesJar + " exists (run by failsafe after package)");
        String closure = new String(
                        Files.readAllBytes(Paths.get(required("consumer.classpathFile"))), StandardCharsets.UTF_8)
                .trim();
        List<String> entries = new ArrayList<>();
        entries.add(fixturesJar.toString());
        entries.addAll(Arrays.asList(closure.split(File.pathSeparator)));
        List<String> names =
                entries.stream().map(e -> Paths.get(e).getFileName().toString()).collect(Collectors.toList());
        for (String expected : new String[] {"cls-sdk-core", "mockwebserver3", "protobuf-java"}) {
            assertTrue(
                    names.stream().anyMatch(n -> n.startsWith(expected)),
                    expected + " is among the declared dependencies: " + names);
        }
        assertTrue(
                Stream.of("junit", "slf4j-simple", "okhttp-tls")
                        .noneMatch(t -> names.stream().anyMatch(n -> n.startsWith(t))),
                "test-only dependencies stay out of the closure: " + names);
        return String.join(File.pathSeparator, entries);
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is set by failsafe in cls-sdk-testing's pom");
        }
        return value;
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
