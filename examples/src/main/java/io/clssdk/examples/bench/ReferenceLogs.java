package io.clssdk.examples.bench;

import io.clssdk.core.LogRecord;

/**
 * The reference log shape used by every benchmark here and by the peers' published numbers: 8 fields
 * {@code content_key_1..8} with values {@code "<k>abcdefghijklmnopqrstuvwxyz!@#$%^&*()_0123456789-<i>"}, about 550
 * bytes of protobuf per log.
 */
public final class ReferenceLogs {
    static final String[] KEYS = {
        "content_key_1", "content_key_2", "content_key_3", "content_key_4",
        "content_key_5", "content_key_6", "content_key_7", "content_key_8"
    };
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz!@#$%^&*()_0123456789-";

    private ReferenceLogs() {}

    /** The value of field {@code k} (1-based) of log {@code i}. */
    public static String value(int k, long i) {
        return k + ALPHABET + i;
    }

    /** Log {@code i} of the reference shape, built through the public builder. */
    public static LogRecord record(long timeMs, long i) {
        LogRecord.Builder b = LogRecord.builder().timeMs(timeMs);
        for (int k = 0; k < KEYS.length; k++) {
            b.field(KEYS[k], value(k + 1, i));
        }
        return b.build();
    }

    /** Builds log {@code i} from pre-made values (so only the SDK's own allocation is measured). */
    public static LogRecord record(long timeMs, String[] values) {
        LogRecord.Builder b = LogRecord.builder().timeMs(timeMs);
        for (int k = 0; k < KEYS.length; k++) {
            b.field(KEYS[k], values[k]);
        }
        return b.build();
    }

    /** The key of field {@code k} (0-based). */
    public static String key(int k) {
        return KEYS[k];
    }
}
