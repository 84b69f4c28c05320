package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clssdk.core.ClsClientException;
import io.clssdk.core.LogRecord;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogDecoderTest {
    @Test
    void decodesWhatTheEncoderWroteForRandomRecords() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LogRecord record = RandomLogs.record(random);
            WireBuffer out = new WireBuffer(16);
            out.position(3); // an entry need not start at 0
            LogEncoder.write(out, record);
            LogRecord decoded = LogDecoder.decode(out.array(), 3, out.position() - 3);
            if (out.unpairedSurrogates() == 0) {
                assertEquals(record, decoded, record.toString());
            } else { // lone surrogates were sent as '?': what comes back encodes to the same bytes
                WireBuffer again = new WireBuffer(16);
                again.position(3);
                LogEncoder.write(again, decoded);
                assertEquals(
                        Arrays.toString(Arrays.copyOf(out.array(), out.position())),
                        Arrays.toString(Arrays.copyOf(again.array(), again.position())));
            }
        }
    }

    @Test
    void skipsUnknownFieldsAndRefusesBrokenEntries() {
        WireBuffer out = new WireBuffer(64);
        LogEncoder.write(out, LogRecord.of(1_700_000_000_000L, "k", "v"));
        byte[] entry = Arrays.copyOf(out.array(), out.position());
        // the same log with an unknown varint field 3 (tag 0x18) added at the end of its body
        byte[] extended = Arrays.copyOf(entry, entry.length + 2);
        extended[1] += 2;
        extended[entry.length] = 0x18;
        extended[entry.length + 1] = 0x05;
        assertEquals(LogRecord.of(1_700_000_000_000L, "k", "v"), LogDecoder.decode(extended, 0, extended.length));

        for (int cut = 1; cut < entry.length; cut++) {
            int n = cut;
            ClsClientException e =
                    assertThrows(ClsClientException.class, () -> LogDecoder.decode(entry, 0, n), "cut at " + n);
            assertEquals(ClsClientException.Reason.INVALID_ARGUMENT, e.reason());
        }
        byte[] wrongTag = entry.clone();
        wrongTag[0] = 0x12;
        assertThrows(ClsClientException.class, () -> LogDecoder.decode(wrongTag, 0, wrongTag.length));
    }
}
