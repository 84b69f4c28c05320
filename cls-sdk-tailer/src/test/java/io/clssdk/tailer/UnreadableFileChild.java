package io.clssdk.tailer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The process {@link TailerUnreadableFileTest} runs (without the capability to bypass file permissions when the test
 * runs as root): follows {@code <logs>/*.log}, prints {@code line <text>} for every line and answers {@code status}
 * on stdin with {@code status <problem of app.log, "none" or "missing">}. Prints {@code started <bool>} first, true if
 * this process could read the permission-less probe file (then the test cannot work here). Arguments: logs directory,
 * checkpoint directory, probe file.
 */
public final class UnreadableFileChild {
    private UnreadableFileChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        boolean canReadProbe;
        try (InputStream in = Files.newInputStream(Paths.get(args[2]))) {
            canReadProbe = in.read() >= -1;
        } catch (java.io.IOException e) {
            canReadProbe = false;
        }
        TailSink sink = chunk -> {
            byte[] buf = chunk.buffer();
            synchronized (out) {
                for (int i = 0; i < chunk.lineCount(); i++) {
                    out.println("line "
                            + new String(
                                    buf,
                                    chunk.lineStart(i),
                                    chunk.lineEnd(i) - chunk.lineStart(i),
                                    StandardCharsets.UTF_8));
                }
            }
            chunk.acknowledge();
        };
        Path logs = Paths.get(args[0]);
        try (Tailer tailer = Tailer.builder()
                .options(TailerOptions.builder(Paths.get(args[1]))
                        .rescanInterval(Duration.ofMillis(200))
                        .build())
                .source(TailSource.builder("unreadable")
                        .path(logs + "/*.log")
                        .sink(sink)
                        .build())
                .build()) {
            tailer.start();
            out.println("started " + canReadProbe);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null && !command.equals("quit")) {
                String problem = tailer.status()
                        .file("app.log")
                        .map(f -> f.problem().orElse("none"))
                        .orElse("missing");
                synchronized (out) {
                    out.println("status " + problem);
                }
            }
        }
    }
}
