package io.clssdk.producer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Checksum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a spool segment at start. A record is {@code [int length][int CRC-32C][header][body]} (big-endian; length and
 * checksum cover header and body); the header is {@code [byte version][long created ms][int logs][topic][hash key]
 * [context flow]}, each string a {@code short} length and UTF-8 (length -1 for no hash key); the body is the request
 * body as sent (an uncompressed LogGroupList).
 *
 * <p>A record cut short by a crash (the file ends inside it, or the last record fails its checksum) is a torn tail:
 * the file is truncated before it, with a WARN. A record that fails its checksum with more data after it is
 * corruption: a copy of the file is kept as {@code <segment>.corrupt}, the segment is truncated before the record, and
 * an ERROR says how many bytes were lost; the producer starts normally (never a crash loop).
 */
final class SpoolScanner {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolScanner.class);
    static final byte VERSION = 1;
    static final int PREFIX_BYTES = 8;
    /** No record is larger: a request body is at most 6 MiB, and the header's strings are short. */
    static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private SpoolScanner() {}

    /** Scans {@code s}, filling its counters, and returns its records not acked yet, in order. */
    static List<SpoolEntry> scan(SpoolSegment s) throws IOException {
        Set<Long> acked = readAcks(s);
        FileChannel ch = s.dataChannel();
        long size = ch.size();
        List<SpoolEntry> pending = new ArrayList<>();
        long pos = 0;
        ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES);
        Checksum crc = Crc32c.create();
        while (pos < size) {
            if (size - pos < PREFIX_BYTES) {
                return truncateTorn(s, ch, pos, size, pending);
            }
            prefix.clear();
            readFully(ch, prefix, pos);
            int length = prefix.getInt(0);
            int expected = prefix.getInt(4);
            if (length <= 0 || length > MAX_RECORD_BYTES) {
                return corrupt(s, ch, pos, size, pending, "a record length of " + length);
            }
            if (pos + PREFIX_BYTES + length > size) {
                return truncateTorn(s, ch, pos, size, pending);
            }
            ByteBuffer record = ByteBuffer.allocate(length);
            readFully(ch, record, pos + PREFIX_BYTES);
            record.flip();
            crc.reset();
            crc.update(record.array(), 0, length);
            SpoolEntry e = (int) crc.getValue() == expected ? parse(s, pos, record) : null;
            if (e == null) {
                if (pos + PREFIX_BYTES + length == size) {
                    return truncateTorn(s, ch, pos, size, pending);
                }
                return corrupt(s, ch, pos, size, pending, "a record failing its checksum");
            }
            s.records++;
            if (acked.contains(pos)) {
                s.acked++;
            } else {
                s.liveLogs += e.logs;
                pending.add(e);
            }
            pos += PREFIX_BYTES + length;
        }
        s.bytes = size;
        return pending;
    }

    private static SpoolEntry parse(SpoolSegment s, long pos, ByteBuffer r) {
        try {
            if (r.get() != VERSION) {
                return null;
            }
            r.getLong(); // created ms: for people reading the file
            int logs = r.getInt();
            String topic = string(r);
            String hashKey = string(r);
            String contextFlow = string(r);
            if (topic == null || contextFlow == null || logs <= 0) {
                return null;
            }
            int bodyLength = r.remaining();
            long bodyPosition = pos + PREFIX_BYTES + r.position();
            return new SpoolEntry(s, pos, logs, topic, hashKey, contextFlow, bodyPosition, bodyLength, true);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void putString(ByteBuffer b, byte[] s) {
        if (s == null) {
            b.putShort((short) -1);
        } else {
            b.putShort((short) s.length).put(s);
        }
    }

    private static String string(ByteBuffer r) {
        int n = r.getShort();
        if (n < 0) {
            return null;
        }
        String v = new String(r.array(), r.position(), n, StandardCharsets.UTF_8);
        r.position(r.position() + n);
        return v;
    }

    private static List<SpoolEntry> truncateTorn(
            SpoolSegment s, FileChannel ch, long pos, long size, List<SpoolEntry> pending) throws IOException {
        LOG.warn(
                "Disk spool segment {} ends in a record cut short at offset {} (a crash while writing it): truncated"
                        + " {} bytes",
                s.data,
                pos,
                size - pos);
        ch.truncate(pos);
        s.bytes = pos;
        return pending;
    }

    private static List<SpoolEntry> corrupt(
            SpoolSegment s, FileChannel ch, long pos, long size, List<SpoolEntry> pending, String what)
            throws IOException {
        Path aside = s.data.resolveSibling(s.data.getFileName() + ".corrupt");
        Files.copy(s.data, aside, StandardCopyOption.REPLACE_EXISTING);
        LOG.error(
                "Disk spool segment {} is corrupt at offset {} ({}): the {} bytes from there on are lost; a copy of"
                        + " the segment was kept as {}",
                s.data,
                pos,
                what,
                size - pos,
                aside);
        ch.truncate(pos);
        s.bytes = pos;
        return pending;
    }

    private static Set<Long> readAcks(SpoolSegment s) throws IOException {
        Set<Long> acked = new HashSet<>();
        if (!Files.exists(s.acks)) {
            return acked;
        }
        try (FileChannel ch = FileChannel.open(s.acks, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long whole = ch.size() / 8 * 8;
            ByteBuffer b = ByteBuffer.allocate((int) whole);
            readFully(ch, b, 0);
            for (int i = 0; i < whole; i += 8) {
                acked.add(b.getLong(i));
            }
            if (whole != ch.size()) {
                ch.truncate(whole); // an ack cut short: its batch is replayed (a duplicate at worst)
            }
        }
        return acked;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
