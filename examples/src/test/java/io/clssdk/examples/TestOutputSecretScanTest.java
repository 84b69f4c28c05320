package io.clssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clssdk.core.testing.FakeClsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret the test suite signs with appears in any test output of the other modules — logs, printed reports, failure
 * messages and stack traces, all of which surefire writes to {@code <module>/target/surefire-reports/}. This module is
 * last in the reactor, so in a full build those reports are complete when it runs; built alone, it finds none and the
 * scan is skipped rather than passing on nothing.
 */
class TestOutputSecretScanTest {
    /** Every secret key and session token the suite's tests use; add new ones here. */
    static final List<String> SECRETS = Collections.unmodifiableList(Arrays.asList(
            FakeClsServer.SECRET_KEY,
            FakeClsServer.SESSION_TOKEN,
            "wrongSecretKey-never-printed-0000", // SecretLeakTest, ProducerSecurityTest
            "staleSessionToken-never-printed-0000",
            "super-secret-key", // CredentialsTest
            "session-token-xyz",
            "stsKey", // ClsClientTest, ProducerFaultTest
            "the-token",
            "expired-token",
            "fresh-token",
            "wrong-key"));

    @Test
    void noTestOutputOfTheOtherModulesContainsASecret() throws IOException {
        List<Path> reports = reports(Paths.get("").toAbsolutePath().getParent());
        assumeTrue(
                reports.stream().anyMatch(p -> p.getFileName().toString().endsWith("-output.txt")),
                "no test output of the other modules in ../cls-sdk-*/target/surefire-reports: run the whole build");
        List<String> found = new ArrayList<>();
        for (Path report : reports) {
            found.addAll(scan(report));
        }
        assertTrue(found.isEmpty(), "secrets in test output:\n" + String.join("\n", found));
    }

    @Test
    void theScanReportsFileAndLine(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("io.clssdk.SomeTest-output.txt");
        Files.write(
                report,
                Arrays.asList("a line", "key=" + FakeClsServer.SECRET_KEY + " oops", "X-Cls-Token: the-token"),
                StandardCharsets.UTF_8);
        assertEquals(Arrays.asList(report + ":2: " + FakeClsServer.SECRET_KEY, report + ":3: the-token"), scan(report));
    }

    /** Every file in the surefire reports of the sibling modules {@code cls-sdk-*}. */
    static List<Path> reports(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, "cls-sdk-*")) {
            for (Path module : modules) {
                Path dir = module.resolve("target").resolve("surefire-reports");
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        out.addAll(files.filter(Files::isRegularFile).sorted().collect(Collectors.toList()));
                    }
                }
            }
        }
        return out;
    }

    /** "file:line: secret" for every occurrence. Read as ISO-8859-1, which decodes any bytes; secrets are ASCII. */
    static List<String> scan(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int n = 1; (line = in.readLine()) != null; n++) {
                for (String secret : SECRETS) {
                    if (line.contains(secret)) {
                        found.add(file + ":" + n + ": " + secret);
                    }
                }
            }
        }
        return found;
    }
}
