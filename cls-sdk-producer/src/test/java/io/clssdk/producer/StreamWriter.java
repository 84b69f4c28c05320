package io.clssdk.producer;

import io.clssdk.core.LogRecord;
import io.clssdk.core.spi.LogEncoder;
import io.clssdk.core.spi.WireBuffer;
import java.util.List;

/**
 * Appends records to an {@link EncodedLogStream} the way cls-sdk-tailer ships a chunk of lines: the first log by copy,
 * the rest into the room the stream lends behind it while they fit, the room given back at the end.
 */
final class StreamWriter {
    private StreamWriter() {}

    static void write(EncodedLogStream stream, List<LogRecord> records, OutcomeListener target) {
        WireBuffer log = new WireBuffer(4096);
        EncodedLogStream.Room room = null;
        for (LogRecord record : records) {
            log.reset();
            int valueBytes = LogEncoder.write(log, record);
            int length = log.position();
            if (room != null && room.fits(length)) {
                System.arraycopy(log.array(), 0, room.array(), room.position(), length);
                room.added(length, valueBytes);
                continue;
            }
            if (room != null) {
                room.giveBack();
            }
            stream.append(log.array(), length, valueBytes, target);
            room = stream.lend(target);
        }
        if (room != null) {
            room.giveBack();
        }
    }
}
