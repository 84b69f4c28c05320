package io.clssdk.examples;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A stand-in application for the demo: writes {@code entries} log entries to its log file in bursts — most of them one
 * line, every 25th an exception with a Java stack trace — and rotates the file the way log4j or logback do (rename to
 * {@code app.log.1}, reopen {@code app.log}) half-way through.
 */
final class AppLogWriter implements Runnable {
    private static final String[] EVENTS = {
        "order created", "payment authorized", "stock reserved", "invoice sent", "cache refreshed"
    };

    private final Path file;
    private final int entries;
    private volatile int written;
    private volatile long bytes;
    private volatile long nanos;
    private volatile boolean rotated;

    AppLogWriter(Path file, int entries) {
        this.file = file;
        this.entries = entries;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        Random random = new Random(42);
        try {
            OutputStream out = new FileOutputStream(file.toFile(), true);
            for (int i = 0; i < entries; i++) {
                if (i == entries / 2) {
                    out.close();
                    Files.move(file, file.resolveSibling(file.getFileName() + ".1"));
                    out = new FileOutputStream(file.toFile(), true);
                    rotated = true;
                }
                byte[] entry = entry(i, random).getBytes(StandardCharsets.UTF_8);
                out.write(entry);
                bytes += entry.length;
                written = i + 1;
                if (i % 1000 == 999) {
                    out.flush();
                    Thread.sleep(100); // bursts, like a real service
                }
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nanos = System.nanoTime() - start;
    }

    private static String entry(int i, Random r) {
        String time = String.format("2026-11-24 15:%02d:%02d.%03d", (i / 6000) % 60, (i / 100) % 60, i % 1000);
        if (i % 25 == 24) {
            return time + " ERROR [http-nio-8080-exec-" + r.nextInt(50) + "] c.e.orders.OrderService - order "
                    + (100_000 + i) + " failed\n"
                    + "java.lang.IllegalStateException: stock service answered 503\n"
                    + "\tat com.example.orders.StockClient.reserve(StockClient.java:88)\n"
                    + "\tat com.example.orders.OrderService.create(OrderService.java:42)\n"
                    + "\tat com.example.orders.OrderController.post(OrderController.java:27)\n";
        }
        return time + " INFO  [http-nio-8080-exec-" + r.nextInt(50) + "] c.e.orders.OrderService - "
                + EVENTS[r.nextInt(EVENTS.length)] + " order=" + (100_000 + i) + " user=" + r.nextInt(10_000)
                + " took=" + r.nextInt(300) + "ms\n";
    }

    int written() {
        return written;
    }

    long bytes() {
        return bytes;
    }

    long nanos() {
        return nanos;
    }

    boolean rotated() {
        return rotated;
    }
}
