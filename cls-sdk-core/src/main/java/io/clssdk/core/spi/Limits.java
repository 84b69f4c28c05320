package io.clssdk.core.spi;

import io.clssdk.core.ClsClientException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The upload limits CLS enforces (protocol reference §1.6), checked before any byte is sent. */
public final class Limits {
    /** LogGroups in one request. */
    public static final int MAX_GROUPS_PER_REQUEST = 10;
    /** Logs in one LogGroup (at least one). */
    public static final int MAX_LOGS_PER_GROUP = 10_000;
    /** UTF-8 bytes of one value. */
    public static final int MAX_VALUE_BYTES = 1024 * 1024;
    /** UTF-8 bytes of all values in one request. */
    public static final int MAX_REQUEST_VALUE_BYTES = 5 * 1024 * 1024;
    /** Request body before compression. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    /** Field names CLS reserves for metadata; a log must not use them as keys (protocol reference §1.6). */
    public static final List<String> RESERVED_KEYS =
            Collections.unmodifiableList(Arrays.asList("__FILENAME__", "__TIMESTAMP__", "__LOGSETID__", "__TOPICID__"));

    /**
     * What a reserved key taken from data (a tailed file, a logging event) is prefixed with instead of getting the
     * whole request refused: {@code __TIMESTAMP__} is sent as {@code log__TIMESTAMP__}. One rule for the tailer and the
     * appenders.
     */
    public static final String RESERVED_KEY_PREFIX = "log";

    private Limits() {}

    /** {@code key} with {@link #RESERVED_KEY_PREFIX} if it is one of the {@link #RESERVED_KEYS}, else {@code key}. */
    public static String renameReserved(String key) {
        return isReservedKey(key) ? RESERVED_KEY_PREFIX + key : key;
    }

    /** Whether {@code key} is one of the {@link #RESERVED_KEYS} (exact, case-sensitive). */
    public static boolean isReservedKey(String key) {
        return key.startsWith("__") && RESERVED_KEYS.contains(key);
    }

    /** Rejects a null, blank or whitespace-containing topic id. */
    public static String checkTopicId(String topicId) {
        if (topicId == null || topicId.trim().isEmpty()) {
            throw invalid("topicId must not be blank");
        }
        for (int i = 0; i < topicId.length(); i++) {
            char c = topicId.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw invalid("topicId '" + topicId + "' contains whitespace or control characters");
            }
        }
        return topicId;
    }

    /** Rejects a hash key that is empty or not printable ASCII. */
    public static String checkHashKey(String hashKey) {
        if (hashKey == null) {
            return null;
        }
        if (hashKey.isEmpty()) {
            throw invalid("hashKey must not be empty (use null for no hash key)");
        }
        for (int i = 0; i < hashKey.length(); i++) {
            char c = hashKey.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw invalid("hashKey '" + hashKey + "' must be printable ASCII without spaces");
            }
        }
        return hashKey;
    }

    public static ClsClientException invalid(String message) {
        return new ClsClientException(ClsClientException.Reason.INVALID_ARGUMENT, message);
    }
}
