package io.clssdk.producer;

import static io.clssdk.producer.ProducerHarness.TOPIC;
import static io.clssdk.producer.ProducerHarness.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import io.clssdk.core.testing.ReceivedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * The producer keeps secrets out of everything it prints, verifies TLS certificates by default, and fails logs
 * clearly when this machine's clock is outside the signature window.
 */
class ProducerSecurityTest {
    private static final Duration STEP = Duration.ofMillis(250);
    private static final String STS_ID = "AKIDstsProducerSecurity00";
    private static final String WRONG_KEY = "wrongSecretKey-never-printed-0000";
    private static final String STALE_TOKEN = "staleSessionToken-never-printed-0000";

    @Test
    void rejectedCredentialsFailLogsWithoutPrintingKeyTokenOrSignature() {
        // a wrong key: 401 AuthFailure.SignatureFailure, final at once
        SendResult wrongKey = sendOnce(Credentials.of(FakeClsServer.SECRET_ID, WRONG_KEY), new Fault[0]);
        assertEquals("AuthFailure.SignatureFailure", wrongKey.errorCode());
        assertEquals(1, wrongKey.attempts().size());
        // a stale token: 401 AuthFailure.TokenFailure, retried twice after asking for new credentials
        SendResult staleToken = sendOnce(Credentials.of(STS_ID, FakeClsServer.SECRET_KEY, STALE_TOKEN), new Fault[0]);
        assertEquals("AuthFailure.TokenFailure", staleToken.errorCode());
        assertEquals(3, staleToken.attempts().size());
        // valid credentials the service refuses for this topic: 403
        SendResult forbidden = sendOnce(
                Credentials.of(STS_ID, FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN),
                new Fault[] {Fault.error(403, "AuthFailure.UnauthorizedOperation", "not allowed")});
        assertEquals("AuthFailure.UnauthorizedOperation", forbidden.errorCode());
        assertEquals(401, ((ClsServiceException) wrongKey.error()).httpStatus());
        assertEquals(401, ((ClsServiceException) staleToken.error()).httpStatus());
        assertEquals(403, ((ClsServiceException) forbidden.error()).httpStatus());
    }

    /** Sends one log with {@code credentials}, checks that nothing printable carries a secret, returns its result. */
    private static SendResult sendOnce(Credentials credentials, Fault[] faults) {
        ProducerOptions[] options = new ProducerOptions[1];
        try (ProducerHarness h = new ProducerHarness(
                o -> options[0] = o.maxBatchCount(1).build(),
                CredentialsProvider.of(credentials),
                FakeClsServer.builder().credentials(STS_ID, FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN))) {
            h.server.enqueue(faults);
            CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
            h.advanceUntil("the log failed", f::isDone, STEP, Duration.ofSeconds(30));
            SendResult r = f.join();
            List<String> texts = new ArrayList<>();
            texts.add(r.toString());
            texts.add(r.errorMessage());
            texts.add(describe(r.error()));
            texts.add(r.attempts().toString());
            texts.add(h.producer.toString());
            texts.add(h.producer.metrics().toString());
            texts.add(options[0].toString());
            texts.add(credentials.toString());
            List<String> secrets = new ArrayList<>();
            secrets.add(FakeClsServer.SECRET_KEY);
            secrets.add(FakeClsServer.SESSION_TOKEN);
            secrets.add(WRONG_KEY);
            secrets.add(STALE_TOKEN);
            for (ReceivedRequest request : h.server.requests()) {
                String auth = request.header("authorization");
                secrets.add(auth.substring(auth.indexOf("q-signature=") + "q-signature=".length()));
            }
            for (String text : texts) {
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret appears in: " + text);
                }
            }
            return r;
        }
    }

    @Test
    void anUntrustedCertificateFailsLogsAtOnceAndItsTrustManagerDelivers() {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .commonName("fake cls")
                .build();
        HandshakeCertificates serverCerts =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        FakeClsServer.Builder https = FakeClsServer.builder().https(serverCerts.sslSocketFactory());
        CredentialsProvider credentials = CredentialsProvider.of(FakeClsServer.credentials());
        try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1), credentials, https)) {
            assertEquals("https", h.server.endpoint().scheme());
            CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
            h.advanceUntil("the log failed", f::isDone, STEP, Duration.ofSeconds(30));
            SendResult r = f.join();
            assertFalse(r.success());
            assertEquals("IO", r.errorCode());
            assertTrue(r.errorMessage().contains("PKIX") || r.errorMessage().contains("certif"), r.errorMessage());
            // Regression: an untrusted certificate was retried until the delivery timeout, hiding the cause
            assertEquals(1, r.attempts().size(), "a rejected certificate is final: " + r.attempts());
            assertEquals(0, h.server.requestCount(), "no request got past the handshake");
        }
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
        try (ProducerHarness h = new ProducerHarness(
                o -> o.maxBatchCount(1)
                        .httpOptions(HttpOptions.builder()
                                .trustManager(trust.trustManager())
                                .build()),
                credentials,
                https)) {
            CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
            h.advanceUntil("delivered over TLS", f::isDone, STEP, Duration.ofSeconds(30));
            assertTrue(f.join().success(), f.join().toString());
            assertEquals(1, h.server.logCount());
        }
    }

    @Test
    void aClockOutsideTheSignatureWindowFailsLogsWithSignatureExpire() {
        // the v1 signature is valid from 60 s before to 300 s after the signing moment
        long[][] cases = { // how far the endpoint's clock is ahead of ours, in seconds; 1 if delivered
            {600, 0}, {-120, 0}, {-50, 1}, {250, 1}
        };
        for (long[] c : cases) {
            try (ProducerHarness h = new ProducerHarness(o -> o.maxBatchCount(1))) {
                h.serverAheadMillis = c[0] * 1000;
                CompletableFuture<SendResult> f = h.producer.send(TOPIC, log(1));
                h.advanceUntil("completed", f::isDone, STEP, Duration.ofSeconds(30));
                SendResult r = f.join();
                if (c[1] == 1) {
                    assertTrue(r.success(), c[0] + " s: " + r);
                    continue;
                }
                assertFalse(r.success(), c[0] + " s");
                assertEquals("AuthFailure.SignatureExpire", r.errorCode());
                assertEquals(401, ((ClsServiceException) r.error()).httpStatus());
                assertTrue(r.errorMessage().contains("clock"), r.errorMessage());
                // treated like other rejected credentials: two retries after asking for a refresh, then final
                assertEquals(3, r.attempts().size(), r.attempts().toString());
                assertEquals(0, h.server.logCount());
            }
        }
    }

    private static String describe(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return t.getMessage() + "\n" + t + "\n" + out;
    }
}
