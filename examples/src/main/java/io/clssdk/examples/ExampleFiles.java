package io.clssdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers shared by the examples. */
public final class ExampleFiles {
    private ExampleFiles() {}

    /** Deletes a directory tree; a temporary directory left behind is harmless, so failures are ignored. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // ignored: see above
        }
    }
}
