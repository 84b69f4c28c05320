package io.clssdk.producer.internal;

import java.util.zip.Checksum;

/**
 * CRC-32C (Castagnoli), the checksum of spool records. On Java 9+ the JDK's {@code java.util.zip.CRC32C} (hardware
 * accelerated) is used; on Java 8 this table-driven implementation, which computes the same values.
 */
final class Crc32c implements Checksum {
    private static final int[] TABLE = new int[256];
    private static final Class<?> JDK;

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            TABLE[i] = c;
        }
        Class<?> jdk;
        try {
            jdk = Class.forName("java.util.zip.CRC32C");
        } catch (ClassNotFoundException e) {
            jdk = null;
        }
        JDK = jdk;
    }

    private int crc = 0xFFFFFFFF;

    /** A new CRC-32C checksum: the JDK's when it has one. */
    static Checksum create() {
        if (JDK != null) {
            try {
                return (Checksum) JDK.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                // fall back to the table
            }
        }
        return new Crc32c();
    }

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = (c >>> 8) ^ TABLE[(c ^ b[i]) & 0xFF];
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return (~crc) & 0xFFFFFFFFL;
    }

    @Override
    public void reset() {
        crc = 0xFFFFFFFF;
    }
}
