package io.clssdk.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Credentials;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import io.clssdk.core.testing.FakeClsServer;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The uploader reuses one Authorization value per topic and second: it must still sign each topic for itself, follow
 * the clock into the next second, and take a rotated key at once, however many requests fall in the same second.
 */
class UploaderSigningTest {
    private static final long NOW_MS = 1_700_000_000_500L;

    @Test
    void reusedSignaturesFollowTheTopicTheSecondAndARotatedKey() {
        long[] clientNow = {NOW_MS};
        Clock clock = new Clock() {
            @Override
            public long currentTimeMillis() {
                return clientNow[0];
            }

            @Override
            public long nanoTime() {
                return clientNow[0] * 1_000_000;
            }
        };
        AtomicReference<Credentials> creds = new AtomicReference<>(FakeClsServer.credentials());
        try (FakeClsServer server =
                        FakeClsServer.builder().clock(() -> clientNow[0]).start();
                HttpTransport http = new HttpTransport(HttpOptions.defaults())) {
            server.addCredentials("AKIDsecondPairOfTheTest0000000000000", "secondSecretKey-of-the-test", null);
            Uploader uploader = new Uploader(server.endpoint(), creds::get, http, clock, "test");

            upload(uploader, "topic-a");
            upload(uploader, "topic-b"); // same second, another topic: its own signature
            upload(uploader, "topic-a");
            clientNow[0] += 1_000;
            upload(uploader, "topic-a"); // the next second
            assertEquals(4, server.logCount(), "every upload verified and stored");

            creds.set(Credentials.of(FakeClsServer.SECRET_ID, "a-key-the-server-does-not-know"));
            ClsServiceException refused = assertThrows(ClsServiceException.class, () -> upload(uploader, "topic-a"));
            assertEquals(401, refused.httpStatus(), "the rotated (wrong) key signed this request, same second");

            creds.set(Credentials.of("AKIDsecondPairOfTheTest0000000000000", "secondSecretKey-of-the-test"));
            upload(uploader, "topic-a");
            creds.set(FakeClsServer.credentials());
            upload(uploader, "topic-a");
            assertEquals(6, server.logCount());
        }
    }

    private static void upload(Uploader uploader, String topic) {
        WireBuffer body = LogGroupListEncoder.encode(
                Collections.singletonList(LogGroup.of(Collections.singletonList(LogRecord.of(NOW_MS, "k", "v")))));
        uploader.upload(topic, body.array(), 0, body.position(), null, null);
    }
}
