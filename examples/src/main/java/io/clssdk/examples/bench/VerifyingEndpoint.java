package io.clssdk.examples.bench;

import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A loopback endpoint that does the work CLS does before it answers: a {@link FakeClsServer} that checks every
 * request's v1 signature and decompresses and decodes every body, keeping only counters. Meant to run in its own JVM
 * ({@link ChildProcess}) so that the client's CPU accounting holds the client alone.
 *
 * <p>Protocol on standard input/output: it prints {@code ENDPOINT <url>} once it listens; each {@code STATS} line it
 * reads is answered with {@code STATS <logs> <requests> <rejected>} (counted since the previous {@code STATS}); it
 * exits when its standard input closes. It accepts the credentials of {@link DiscardServer#producer}.
 */
public final class VerifyingEndpoint {
    private VerifyingEndpoint() {}

    public static void main(String[] args) throws Exception {
        try (FakeClsServer server = FakeClsServer.builder()
                .credentials(DiscardServer.SECRET_ID, DiscardServer.SECRET_KEY)
                .keepLogs(false)
                .start()) {
            System.out.println("ENDPOINT " + server.endpoint().url());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long logsBefore = 0;
            long requestsBefore = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("STATS")) {
                    long rejected = 0;
                    for (ReceivedRequest r : server.drainRequests()) {
                        rejected += r.status() == 200 ? 0 : 1;
                    }
                    long logs = server.logCount();
                    long requests = server.requestCount();
                    System.out.println(
                            "STATS " + (logs - logsBefore) + " " + (requests - requestsBefore) + " " + rejected);
                    System.out.flush();
                    logsBefore = logs;
                    requestsBefore = requests;
                }
            }
        }
    }
}
