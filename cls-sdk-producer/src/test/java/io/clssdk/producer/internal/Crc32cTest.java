package io.clssdk.producer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;

class Crc32cTest {
    @Test
    void matchesTheStandardCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        Checksum table = new Crc32c();
        table.update(check, 0, check.length);
        assertEquals(0xE3069283L, table.getValue());
        Checksum chosen = Crc32c.create();
        chosen.update(check, 0, check.length);
        assertEquals(0xE3069283L, chosen.getValue());
    }

    @Test
    void theTableAndTheJdkAgreeOnRandomData() {
        byte[] data = new byte[10_000];
        new Random(3).nextBytes(data);
        Checksum table = new Crc32c();
        Checksum chosen = Crc32c.create();
        for (int off = 0; off < data.length; off += 777) {
            int len = Math.min(777, data.length - off);
            table.update(data, off, len);
            chosen.update(data, off, len);
            assertEquals(chosen.getValue(), table.getValue());
        }
        table.reset();
        table.update(data[0]);
        chosen.reset();
        chosen.update(data[0]);
        assertEquals(chosen.getValue(), table.getValue());
    }
}
