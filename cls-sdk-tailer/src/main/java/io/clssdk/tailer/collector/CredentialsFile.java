package io.clssdk.tailer.collector;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;

/**
 * {@code --credentials-file}: a properties file with {@code secretId}, {@code secretKey} and optionally {@code
 * sessionToken}, for example a mounted Kubernetes Secret. Read again when its modification time changes, so rotated
 * keys are picked up without a restart. Messages name the file and the missing key, never a value. Thread-safe.
 */
final class CredentialsFile implements CredentialsProvider {
    private final Path file;
    private FileTime readAt;
    private Credentials current;

    private CredentialsFile(Path file) {
        this.file = file;
    }

    /**
     * Reads the file now.
     *
     * @throws ClsClientException with reason {@code CREDENTIALS} if it cannot be read or lacks a key
     */
    static CredentialsFile read(Path file) {
        CredentialsFile f = new CredentialsFile(file);
        f.credentials();
        return f;
    }

    @Override
    public synchronized Credentials credentials() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (current == null || !modified.equals(readAt)) {
                current = load();
                readAt = modified;
            }
            return current;
        } catch (IOException e) {
            if (current != null) {
                return current; // a Secret being swapped: keep the last good keys
            }
            throw new ClsClientException(
                    ClsClientException.Reason.CREDENTIALS, "cannot read credentials file " + file + ": " + e, e);
        }
    }

    private Credentials load() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        String id = required(p, "secretId");
        String key = required(p, "secretKey");
        String token = p.getProperty("sessionToken");
        return token == null || token.trim().isEmpty()
                ? Credentials.of(id, key)
                : Credentials.of(id, key, token.trim());
    }

    private String required(Properties p, String name) {
        String v = p.getProperty(name);
        if (v == null || v.trim().isEmpty()) {
            throw new ClsClientException(
                    ClsClientException.Reason.CREDENTIALS,
                    "credentials file " + file + " has no " + name + "; expected secretId=..., secretKey=... and"
                            + " optionally sessionToken=...");
        }
        return v.trim();
    }

    @Override
    public String toString() {
        return "CredentialsFile{" + file + '}';
    }
}
