package io.clssdk.examples.shaded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogRecord;
import io.clssdk.producer.ClsProducer;
import io.clssdk.producer.SendResult;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jpountz.lz4.LZ4Factory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The application {@link ShadedJarIT} runs in a child JVM whose classpath is the shaded SDK, slf4j and old versions of
 * OkHttp, Okio, Jackson, protobuf and lz4-java. It uses each old library, then sends logs through the SDK's producer,
 * and prints {@code key=value} lines for the test to check. Exit status 0 means every log was acknowledged.
 *
 * <p>It calls only methods that exist in both the old and the current versions of those libraries, and only SDK API
 * types (which the shaded jar does not relocate), so the same class file links against either classpath.
 *
 * <p>Arguments: endpoint URL, secret id, secret key, topic id, number of logs.
 */
public final class ConflictHostApp {
    static final String MESSAGE = "sent by a host with old OkHttp, Jackson, protobuf and lz4";

    private ConflictHostApp() {}

    public static void main(String[] args) throws Exception {
        useOldOkHttp();
        useOldJackson();
        useOldProtobuf();
        int failed = sendThroughTheSdk(args[0], args[1], args[2], args[3], Integer.parseInt(args[4]));
        // After the SDK: JDK 24+ warns once per module about native loading, so a warning naming the SDK's relocated
        // lz4 can only show up if the SDK is first to try.
        useOldLz4();
        report("sdk.http", Class.forName("io.clssdk.core.spi.HttpTransport"));
        Object nativeLoaded = Class.forName("io.clssdk.shaded.net.jpountz.util.Native")
                .getMethod("isLoaded")
                .invoke(null);
        System.out.println("sdk.lz4.nativeLoaded=" + nativeLoaded);
        System.out.println("failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** OkHttp 3 (with Okio 1) calls a server of its own; the SDK uploads with its own HTTP client. */
    private static void useOldOkHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            OkHttpClient client = new OkHttpClient.Builder().build();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
            try (Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                System.out.println("okhttp.answer=" + response.body().string());
            }
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        } finally {
            server.stop(0);
        }
        report("okhttp", OkHttpClient.class);
        report("okio", Class.forName("okio.Buffer"));
    }

    private static void useOldJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(Collections.singletonMap("answer", 42));
        System.out.println(
                "jackson.roundTrip=" + mapper.readTree(json).get("answer").asInt());
        System.out.println("jackson.version=" + mapper.version());
        report("jackson", ObjectMapper.class);
    }

    private static void useOldProtobuf() {
        System.out.println(
                "protobuf.roundTrip=" + ByteString.copyFromUtf8("protobuf").toStringUtf8());
        report("protobuf", ByteString.class);
    }

    private static void useOldLz4() {
        byte[] data = new byte[4096];
        Arrays.fill(data, (byte) 'x');
        LZ4Factory factory = LZ4Factory.fastestInstance();
        byte[] compressed = factory.fastCompressor().compress(data);
        byte[] restored = factory.safeDecompressor().decompress(compressed, data.length);
        System.out.println("lz4.roundTrip=" + Arrays.equals(data, restored));
        System.out.println("lz4.implementation=" + factory);
        report("lz4", LZ4Factory.class);
    }

    /** Returns how many logs failed. */
    private static int sendThroughTheSdk(String url, String secretId, String secretKey, String topicId, int count) {
        ClsProducer producer = ClsProducer.builder()
                .endpoint(ClsEndpoint.parse(url))
                .credentials(CredentialsProvider.of(Credentials.of(secretId, secretKey)))
                .build();
        List<CompletableFuture<SendResult>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogRecord record = LogRecord.builder()
                    .field("seq", Integer.toString(i))
                    .field("message", MESSAGE)
                    .build();
            results.add(producer.send(topicId, record));
        }
        producer.flush();
        int failed = 0;
        for (CompletableFuture<SendResult> result : results) {
            SendResult r = result.join();
            if (!r.success()) {
                System.out.println("sdk.failure=" + r);
                failed++;
            }
        }
        System.out.println("sdk.closed=" + producer.close(Duration.ofSeconds(10)));
        return failed;
    }

    /** Prints which jar a class was loaded from. */
    private static void report(String name, Class<?> type) {
        String location =
                type.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println(name + ".jar=" + location.substring(location.lastIndexOf('/') + 1));
    }
}
