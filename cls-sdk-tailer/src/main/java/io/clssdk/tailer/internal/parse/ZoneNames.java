package io.clssdk.tailer.internal.parse;

/**
 * Fixed offsets of zone abbreviations that {@code %z} accepts. Ambiguous abbreviations keep their RFC 822 / North
 * American meaning ({@code CST} is UTC−6, not China Standard Time; {@code IST} and {@code BST} are not accepted):
 * logs in such zones should carry a numeric offset. Lookup allocates nothing.
 */
final class ZoneNames {
    private static final String[] NAMES = {
        "UT", "UTC", "GMT", "Z", "WET", "WEST", "CET", "CEST", "MET", "MEST", "EET", "EEST", "MSK", "EST", "EDT", "CST",
        "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "JST", "KST", "HKT", "SGT", "AWST", "ACST", "ACDT",
        "AEST", "AEDT", "NZST", "NZDT"
    };
    private static final int[] MINUTES = {
        0, 0, 0, 0, 0, 60, 60, 120, 60, 120, 120, 180, 180, -300, -240, -360, -300, -420, -360, -480, -420, -540, -480,
        -600, 540, 540, 480, 480, 480, 570, 630, 600, 660, 720, 780
    };
    private static final long[] PACKED = new long[NAMES.length];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            byte[] n = NAMES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            PACKED[i] = pack(n, 0, n.length);
        }
    }

    private ZoneNames() {}

    /** Longest abbreviation accepted. */
    static final int MAX_LENGTH = 4;

    /**
     * The offset in seconds of the ASCII letters {@code b[off, off+len)} (any case), or {@link Integer#MIN_VALUE}
     * when they name no known zone.
     */
    static int offsetSeconds(byte[] b, int off, int len) {
        if (len < 1 || len > MAX_LENGTH) {
            return Integer.MIN_VALUE;
        }
        long key = pack(b, off, len);
        for (int i = 0; i < PACKED.length; i++) {
            if (PACKED[i] == key) {
                return MINUTES[i] * 60;
            }
        }
        return Integer.MIN_VALUE;
    }

    /** Whether the letters are {@code UT}, {@code UTC} or {@code GMT}, which may be followed by an offset. */
    static boolean isUniversal(byte[] b, int off, int len) {
        long key = pack(b, off, len);
        return len <= 3 && (key == PACKED[0] || key == PACKED[1] || key == PACKED[2]);
    }

    private static long pack(byte[] b, int off, int len) {
        long key = len;
        for (int i = 0; i < len; i++) {
            key = key << 8 | (b[off + i] & 0xDF); // ASCII upper case
        }
        return key;
    }
}
