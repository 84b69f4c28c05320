package io.clssdk.tailer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * The application of {@link TailerChaosTest}, in its own process: writes {@code "f<k> <seq>"} lines to {@code f<k>.log}
 * and rotates each file every few hundred milliseconds, logrotate-style — by rename (the file moves to {@code
 * f<k>.log.<n>} and a new one is created) or by copytruncate (copied to {@code f<k>.log.<n>.copy}, then truncated in
 * place). A copytruncate loses whatever the tailer has not read yet, in any agent; so before truncating the writer
 * asks the test ({@code "CT <k> <lastSeq>"} on stdout) and waits for {@code go-<k>-<lastSeq>} to appear, which the test
 * creates once the endpoint holds every line up to {@code lastSeq}. Stops when {@code stop} appears and prints {@code
 * "LAST <k> <seq>"} per file. Rotates only while {@code tailer-up} exists (the test removes it before a kill): a file
 * created and rotated away while no tailer runs is out of any agent's reach. Arguments: directory, files, seed.
 */
public final class ChaosWriter {
    private ChaosWriter() {}

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int files = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        FileOutputStream[] out = new FileOutputStream[files];
        long[] seq = new long[files];
        long[] nextRotation = new long[files];
        int rotations = 0;
        for (int k = 0; k < files; k++) {
            out[k] = new FileOutputStream(file(dir, k).toFile(), true);
            nextRotation[k] = System.nanoTime() + (200 + random.nextInt(400)) * 1_000_000L;
        }
        while (!Files.exists(dir.resolve("stop"))) {
            for (int k = 0; k < files; k++) {
                for (int i = 0; i < 20; i++) {
                    out[k].write(("f" + k + " " + seq[k]++ + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (System.nanoTime() - nextRotation[k] > 0) {
                    out[k] = rotate(dir, k, out[k], seq[k] - 1, ++rotations, random.nextInt(3) == 0);
                    nextRotation[k] = System.nanoTime() + (200 + random.nextInt(400)) * 1_000_000L;
                }
            }
            Thread.sleep(2); // pacing the workload
        }
        for (int k = 0; k < files; k++) {
            out[k].close();
            System.out.println("LAST " + k + " " + (seq[k] - 1));
        }
        System.out.println("ROTATIONS " + rotations);
        System.out.flush();
    }

    private static FileOutputStream rotate(
            Path dir, int k, FileOutputStream current, long lastSeq, int n, boolean copyTruncate)
            throws IOException, InterruptedException {
        Path file = file(dir, k);
        if (!Files.exists(dir.resolve("tailer-up"))) {
            // no agent can follow a file that is created and rotated away while it is down; rotate when one runs
            return current;
        }
        if (!copyTruncate) {
            Files.move(file, dir.resolve("f" + k + ".log." + n));
            current.close();
            System.out.println("ROT " + k + " " + n + " " + lastSeq); // the test deletes it once all of it arrived
            System.out.flush();
            return new FileOutputStream(file.toFile(), true);
        }
        System.out.println("CT " + k + " " + lastSeq);
        System.out.flush();
        Path go = dir.resolve("go-" + k + "-" + lastSeq);
        while (!Files.exists(go)) {
            if (Files.exists(dir.resolve("stop"))) {
                return current; // stopping: no rotation without the go-ahead
            }
            Thread.sleep(5); // poll interval: the go-ahead is a file the test creates
        }
        Files.copy(file, dir.resolve("f" + k + ".log." + n + ".copy"), StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel ch = FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        return current; // O_APPEND: the application keeps writing through its open handle, now at offset 0
    }

    private static Path file(Path dir, int k) {
        return dir.resolve("f" + k + ".log");
    }
}
