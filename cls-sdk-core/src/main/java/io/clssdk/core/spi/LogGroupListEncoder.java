package io.clssdk.core.spi;

import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import java.util.List;

/**
 * Encodes upload bodies ({@code LogGroupList}) and validates them against the CLS limits while encoding, so an
 * oversized request fails before anything is sent, with a message naming the limit.
 *
 * <p>Two ways in: {@link #encode(List)} for a complete list of groups (the synchronous client), and the framing
 * helpers {@link #HEADER_RESERVE} / {@link #writeHeader} for a producer that appends logs to a buffer first and frames
 * the group once it is full.
 */
public final class LogGroupListEncoder {
    /** Room to leave before a group's first log: one tag byte plus the longest varint. */
    public static final int HEADER_RESERVE = 6;

    private static final int TAG_LIST_GROUPS = 0x0a;

    private LogGroupListEncoder() {}

    /**
     * Encodes {@code groups} as one request body.
     *
     * @return a buffer holding the body in {@code [0, position())}
     * @throws io.clssdk.core.ClsClientException naming the limit a group or record breaks
     */
    public static WireBuffer encode(List<LogGroup> groups) {
        if (groups.isEmpty()) {
            throw Limits.invalid("a request needs at least one log group");
        }
        if (groups.size() > Limits.MAX_GROUPS_PER_REQUEST) {
            throw Limits.invalid("a request may carry at most " + Limits.MAX_GROUPS_PER_REQUEST + " log groups, got "
                    + groups.size());
        }
        WireBuffer out = new WireBuffer(estimateSize(groups));
        long valueBytes = 0;
        for (int g = 0; g < groups.size(); g++) {
            LogGroup group = groups.get(g);
            List<LogRecord> records = group.records();
            if (records.size() > Limits.MAX_LOGS_PER_GROUP) {
                throw Limits.invalid("log group " + g + " has " + records.size() + " logs; CLS accepts 1 to "
                        + Limits.MAX_LOGS_PER_GROUP + " per group");
            }
            out.writeByte(TAG_LIST_GROUPS);
            int lengthPos = out.position();
            out.skip(3);
            int start = out.position();
            for (LogRecord record : records) {
                valueBytes += LogEncoder.write(out, record);
                if (valueBytes > Limits.MAX_REQUEST_VALUE_BYTES) {
                    throw Limits.invalid("the values of this request add up to more than "
                            + Limits.MAX_REQUEST_VALUE_BYTES + " bytes (5 MiB), the CLS limit per request");
                }
                checkBody(out.position());
            }
            GroupTrailer.of(group.filename(), group.source(), group.tags(), group.hostname())
                    .write(out, group.contextFlow());
            out.patchLength(lengthPos, 3, start);
            checkBody(out.position());
        }
        return out;
    }

    /**
     * Writes the {@code LogGroupList} header for one group whose content (logs and trailer) is
     * {@code buf[contentStart, contentStart + groupLength)}, into the bytes just before {@code contentStart}; at least
     * {@link #HEADER_RESERVE} bytes must be free there.
     *
     * @return where the body now starts
     */
    public static int writeHeader(byte[] buf, int contentStart, int groupLength) {
        int headerLength = 1 + Varint.size32(groupLength);
        int bodyStart = contentStart - headerLength;
        buf[bodyStart] = TAG_LIST_GROUPS;
        Varint.write32(buf, bodyStart + 1, groupLength);
        return bodyStart;
    }

    /** The length of a single-group body whose group content is {@code groupLength} bytes. */
    public static int bodyLength(int groupLength) {
        return 1 + Varint.size32(groupLength) + groupLength;
    }

    private static void checkBody(int bytes) {
        if (bytes > Limits.MAX_BODY_BYTES) {
            throw Limits.invalid("the encoded request exceeds " + Limits.MAX_BODY_BYTES
                    + " bytes (6 MiB), the CLS limit for an uncompressed body; send fewer logs per request");
        }
    }

    private static int estimateSize(List<LogGroup> groups) {
        long records = 0;
        for (LogGroup g : groups) {
            records += g.records().size();
        }
        return (int) Math.min(Limits.MAX_BODY_BYTES, 64 + records * 256);
    }
}
