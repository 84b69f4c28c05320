package io.clssdk.tailer.internal.parse;

/** Extracts the fields of one log from its text. One instance per pipeline: implementations keep scratch state. */
interface FieldParser {
    /**
     * Adds the fields of one entry to {@code log}.
     *
     * @param b the entry: {@code len} bytes of valid UTF-8 from {@code off}, valid only during the call (fields may
     *     point into it)
     * @param ascii whether every byte of the entry is ASCII
     * @return false when the entry does not have the expected form (a parse failure)
     */
    boolean parse(byte[] b, int off, int len, boolean ascii, ParsedLog log);
}
