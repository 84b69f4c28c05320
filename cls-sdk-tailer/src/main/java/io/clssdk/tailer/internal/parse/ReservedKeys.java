package io.clssdk.tailer.internal.parse;

import io.clssdk.core.spi.Limits;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renames keys CLS reserves for metadata ({@link Limits#RESERVED_KEYS}: {@code __FILENAME__}, {@code __TIMESTAMP__},
 * {@code __LOGSETID__}, {@code __TOPICID__}) when they come from log data (JSON member names) or from a collection
 * config (Keys, RawLogKey, UnMatchLogKey): CLS would refuse the whole request, taking every neighbouring log with it.
 * The rule: the key gets the prefix {@value #PREFIX}, so {@code __TIMESTAMP__} is sent as {@code log__TIMESTAMP__}.
 * The match is exact and case-sensitive, as CLS's; other keys, {@code _}-prefixed ones included, are sent as they are.
 */
public final class ReservedKeys {
    /** What a reserved key is prefixed with. */
    public static final String PREFIX = Limits.RESERVED_KEY_PREFIX;

    private static final byte[][] RESERVED = new byte[Limits.RESERVED_KEYS.size()][];
    private static final byte[][] RENAMED = new byte[RESERVED.length][];

    static {
        List<String> keys = Limits.RESERVED_KEYS;
        for (int i = 0; i < RESERVED.length; i++) {
            RESERVED[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
            RENAMED[i] = Limits.renameReserved(keys.get(i)).getBytes(StandardCharsets.UTF_8);
        }
    }

    private ReservedKeys() {}

    /** The key to send for the key {@code b[off, off+len)} if it is reserved (a shared array: never modify), else null. */
    static byte[] renamed(byte[] b, int off, int len) {
        if (len < 2 || b[off] != '_' || b[off + 1] != '_') {
            return null; // every reserved key starts with "__": the common case costs two compares
        }
        for (int i = 0; i < RESERVED.length; i++) {
            byte[] r = RESERVED[i];
            if (r.length == len && regionEquals(r, b, off)) {
                return RENAMED[i];
            }
        }
        return null;
    }

    /** {@code key}, or its renamed form if CLS reserves it. */
    public static byte[] safe(byte[] key) {
        byte[] r = renamed(key, 0, key.length);
        return r != null ? r : key;
    }

    private static boolean regionEquals(byte[] r, byte[] b, int off) {
        for (int i = 0; i < r.length; i++) {
            if (r[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
