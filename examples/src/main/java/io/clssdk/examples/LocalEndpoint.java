package io.clssdk.examples;

import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedLog;
import java.io.PrintStream;
import java.util.Map;

/**
 * A local CLS upload endpoint on a fixed port of 127.0.0.1 that prints every log it receives, one line each: for trying
 * the standalone collector (or any uploader) without an account. It is the verifying fake the SDK's tests use: it
 * checks each request's signature against the key pair {@value #SECRET_ID} / {@value #SECRET_KEY} (pass them as
 * {@code TENCENTCLOUD_SECRET_ID} / {@code TENCENTCLOUD_SECRET_KEY}), decompresses and decodes it. Runs until killed.
 *
 * <pre>{@code
 * java -cp examples/target/benchmarks.jar io.clssdk.examples.LocalEndpoint [port, default 8765]
 * }</pre>
 */
public final class LocalEndpoint {
    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8765;
    /** The SecretId the endpoint accepts (a local stand-in, not a Tencent Cloud key). */
    public static final String SECRET_ID = "local-collector-id";
    /** The SecretKey matching {@link #SECRET_ID}. */
    public static final String SECRET_KEY = "local-collector-key";

    private LocalEndpoint() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        FakeClsServer server = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("local CLS endpoint at " + server.endpoint() + " (credentials " + SECRET_ID + " / "
                + SECRET_KEY + "); received logs follow");
        while (true) {
            print(server, System.out);
            Thread.sleep(200); // a polling loop of a program, not a test
        }
    }

    /** Starts the endpoint on {@code port} of 127.0.0.1 (0: any free port). */
    static FakeClsServer start(int port) {
        return FakeClsServer.builder()
                .credentials(SECRET_ID, SECRET_KEY)
                .port(port)
                .start();
    }

    /** Prints and forgets the logs received since the last call; returns how many. */
    static int print(FakeClsServer server, PrintStream out) {
        int n = 0;
        for (ReceivedLog log : server.drainLogs()) {
            StringBuilder line = new StringBuilder();
            line.append(log.topicId())
                    .append(' ')
                    .append(log.filename() == null ? "-" : log.filename())
                    .append(" |");
            for (Map.Entry<String, String> f : log.fields()) {
                line.append(' ').append(f.getKey()).append('=').append(f.getValue());
            }
            out.println(line);
            n++;
        }
        out.flush();
        return n;
    }
}
