package io.clssdk.tailer.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The config file as a {@link ConfigFeed}. Each poll reads the whole file and compares its SHA-256 with the last
 * content seen (good or bad): the modification time alone misses an edit within one timestamp tick and a ConfigMap's
 * symbolic-link swap, and the file is small. Changed content is parsed; a bad file is reported once per content, a
 * file that cannot be read once per error, and either leaves the running set alone. A changed {@code Producer} object is reported: the producer is shared and built once,
 * so its options apply at the next start.
 */
final class FileFeed implements ConfigFeed {
    private final Path file;
    private final Console console;
    private byte[] lastHash;
    private ProducerSection producer;
    /** The last read failure, reported once until the file can be read again. */
    private String lastReadError;

    FileFeed(Path file, Console console) {
        this.file = file;
        this.console = console;
    }

    /**
     * Reads the file for the first time.
     *
     * @throws IllegalArgumentException naming the file, element and field that is wrong
     * @throws UncheckedIOException if it cannot be read
     */
    CollectorFile load() {
        byte[] content = read();
        lastHash = sha256(content);
        CollectorFile parsed = parse(content);
        producer = parsed.producer();
        return parsed;
    }

    @Override
    public Optional<List<NamedConfig>> poll() {
        byte[] content;
        try {
            content = read();
            lastReadError = null;
        } catch (UncheckedIOException e) {
            if (e.getMessage().equals(lastReadError)) {
                return Optional.empty(); // reported when it started
            }
            lastReadError = e.getMessage();
            throw e;
        }
        byte[] hash = sha256(content);
        if (Arrays.equals(hash, lastHash)) {
            return Optional.empty();
        }
        lastHash = hash;
        CollectorFile parsed = parse(content);
        if (!parsed.producer().equals(producer)) {
            console.info(describe() + ": the Producer options changed; they apply when the collector restarts");
            producer = parsed.producer();
        }
        return Optional.of(parsed.configs());
    }

    @Override
    public boolean allOrNothing() {
        return true;
    }

    @Override
    public String describe() {
        return "config file " + file;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + describe() + ": " + e, e);
        }
    }

    private CollectorFile parse(byte[] content) {
        try {
            return CollectorFile.parse(new String(content, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of {@code content} (also names checkpoint directories, see {@link SourceSet}). */
    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
