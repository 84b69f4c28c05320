package io.clssdk.tailer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The process {@link TailerFileNameEncodingTest} starts under a given locale. Prints
 * {@code encoding <sun.jnu.encoding>}, starts a tailer on {@code <logs>/*.log} with the checkpoint directory given,
 * prints {@code started} (or {@code failed <exception>} and exits 1), then {@code line <text>} for every line
 * delivered (the tests write ASCII lines), acknowledging each chunk. Reads {@code stop} from stdin, stops the tailer
 * (writing the final checkpoint), prints {@code stopped <every chunk acknowledged>} and exits. Arguments: logs
 * directory, checkpoint directory.
 */
public final class EncodingTestChild {
    private EncodingTestChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "US-ASCII");
        out.println("encoding " + System.getProperty("sun.jnu.encoding"));
        TailSink sink = chunk -> {
            byte[] buf = chunk.buffer();
            synchronized (out) {
                for (int i = 0; i < chunk.lineCount(); i++) {
                    int start = chunk.lineStart(i);
                    out.println("line " + new String(buf, start, chunk.lineEnd(i) - start, StandardCharsets.US_ASCII));
                }
            }
            chunk.acknowledge();
        };
        Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(Paths.get(args[1]))
                        .checkpointInterval(Duration.ofMillis(20))
                        .build())
                .source(TailSource.builder("encoding")
                        .path(args[0] + "/*.log")
                        .sink(sink)
                        .build())
                .build();
        try {
            tailer.start();
        } catch (RuntimeException e) {
            out.println("failed " + e);
            e.printStackTrace();
            System.exit(1);
        }
        out.println("started");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String l = in.readLine(); l != null && !l.equals("stop"); l = in.readLine()) {
            // wait for the parent's "stop" (or its end)
        }
        boolean acked = tailer.stop(Duration.ofSeconds(10));
        synchronized (out) {
            out.println("stopped " + acked);
        }
    }
}
