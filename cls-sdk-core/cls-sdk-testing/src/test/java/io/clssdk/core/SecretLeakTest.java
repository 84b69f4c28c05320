package io.clssdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clssdk.core.internal.auth.EnvironmentCredentials;
import io.clssdk.core.internal.auth.RefreshingCredentialsProvider;
import io.clssdk.core.spi.SystemClock;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.ReceivedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Secret keys, session tokens and signatures never appear in a {@code toString()}, an exception message or a stack
 * trace — in particular not in the exceptions for rejected credentials.
 */
class SecretLeakTest {
    private static final String STS_ID = "AKIDstsSecretLeakTest0000";
    private static final String WRONG_KEY = "wrongSecretKey-never-printed-0000";
    private static final String STALE_TOKEN = "staleSessionToken-never-printed-0000";
    private static final List<LogGroup> ONE =
            Collections.singletonList(LogGroup.of(Collections.singletonList(LogRecord.of(1, "k", "v"))));

    @Test
    void credentialsAndProvidersPrintNeitherKeyNorToken() throws Exception {
        Credentials temporary = Credentials.of(
                STS_ID, FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN, Instant.parse("2030-01-01T00:00:00Z"));
        Map<String, String> env = new HashMap<>();
        env.put(CredentialsProvider.ENV_SECRET_ID, STS_ID);
        env.put(CredentialsProvider.ENV_SECRET_KEY, FakeClsServer.SECRET_KEY);
        env.put(CredentialsProvider.ENV_SESSION_TOKEN, FakeClsServer.SESSION_TOKEN);
        RefreshingCredentialsProvider refreshing =
                new RefreshingCredentialsProvider(() -> temporary, Duration.ofMinutes(5), SystemClock.INSTANCE);
        refreshing.credentials();
        assertNoSecret(
                temporary.toString(),
                CredentialsProvider.of(temporary).toString(),
                CredentialsProvider.of(EnvironmentCredentials.read(env::get)).toString(),
                EnvironmentCredentials.read(env::get).toString(),
                refreshing.toString(),
                HttpOptions.defaults().toString());
        assertTrue(refreshing.toString().contains("AKID***00"), refreshing.toString());
    }

    @Test
    void aMissingVariableIsNamedWithoutPrintingTheOthers() {
        Map<String, String> env = new HashMap<>();
        env.put(CredentialsProvider.ENV_SECRET_KEY, FakeClsServer.SECRET_KEY);
        ClsClientException e = assertThrows(ClsClientException.class, () -> EnvironmentCredentials.read(env::get));
        assertTrue(e.getMessage().contains(CredentialsProvider.ENV_SECRET_ID), e.getMessage());
        assertNoSecret(describe(e));
    }

    @Test
    void rejectedCredentialsFailWithoutEchoingKeyTokenOrSignature() {
        try (FakeClsServer server = FakeClsServer.builder()
                .credentials(STS_ID, FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN)
                .start()) {
            List<String> texts = new ArrayList<>();
            ClsServiceException wrongKey = rejected(server, Credentials.of(FakeClsServer.SECRET_ID, WRONG_KEY));
            assertEquals("AuthFailure.SignatureFailure", wrongKey.errorCode());
            ClsServiceException staleToken =
                    rejected(server, Credentials.of(STS_ID, FakeClsServer.SECRET_KEY, STALE_TOKEN));
            assertEquals("AuthFailure.TokenFailure", staleToken.errorCode());
            ClsServiceException noToken = rejected(server, Credentials.of(STS_ID, FakeClsServer.SECRET_KEY));
            assertEquals("AuthFailure.TokenFailure", noToken.errorCode());
            for (ClsServiceException e : new ClsServiceException[] {wrongKey, staleToken, noToken}) {
                assertEquals(401, e.httpStatus());
                texts.add(describe(e));
                texts.add(e.errorMessage());
            }
            for (ReceivedRequest r : server.requests()) {
                texts.add(r.toString());
            }
            assertNoSecret(texts.toArray(new String[0]));
            for (String signature : signatures(server)) {
                for (String text : texts) {
                    assertFalse(text.contains(signature), "the request signature appears in: " + text);
                }
            }
        }
    }

    @Test
    void anAnswerNotFromClsThatEchoesTheRequestShowsNoKeyTokenOrSignature() throws Exception {
        // a debugging proxy that answers 200 with the request it received: its page starts with our token and
        // signature, and the exception quotes the start of the page
        try (MockWebServer echo = new MockWebServer()) {
            echo.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String page = "<pre>X-Cls-Token: " + request.getHeaders().get("X-Cls-Token") + "\nAuthorization: "
                            + request.getHeaders().get("Authorization") + "\nkey " + FakeClsServer.SECRET_KEY
                            + "</pre>";
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "text/html")
                            .body(page)
                            .build();
                }
            });
            echo.start(InetAddress.getByName("127.0.0.1"), 0);
            Credentials temporary = Credentials.of(STS_ID, FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN);
            ClsClientException e;
            try (ClsClient client = ClsClient.builder()
                    .endpoint(ClsEndpoint.parse("http://127.0.0.1:" + echo.getPort()))
                    .credentials(CredentialsProvider.of(temporary))
                    .build()) {
                e = assertThrows(ClsClientException.class, () -> client.putLogs("topic", ONE));
            }
            assertEquals(ClsClientException.Reason.NOT_FROM_CLS, e.reason());
            String text = describe(e);
            assertTrue(text.contains("<pre>X-Cls-Token: ***"), text);
            assertNoSecret(text);
            String auth = echo.takeRequest().getHeaders().get("Authorization");
            String signature = auth.substring(auth.indexOf("q-signature=") + "q-signature=".length());
            assertFalse(text.contains(signature), "the request signature appears in: " + text);
            assertFalse(text.contains(signature.substring(0, 8)), "part of the signature appears in: " + text);
        }
    }

    @Test
    void anExpiredSignaturePointsAtTheClock() {
        ClsServiceException e = new ClsServiceException(401, "AuthFailure.SignatureExpire", "signature expired", "r1");
        assertTrue(e.getMessage().contains("clock"), e.getMessage());
        assertFalse(new ClsServiceException(401, "AuthFailure.SignatureFailure", "no", "r2")
                .getMessage()
                .contains("clock"));
    }

    private static ClsServiceException rejected(FakeClsServer server, Credentials credentials) {
        try (ClsClient client = ClsClient.builder()
                .endpoint(server.endpoint())
                .credentials(CredentialsProvider.of(credentials))
                .build()) {
            return assertThrows(ClsServiceException.class, () -> client.putLogs("topic", ONE));
        }
    }

    /** The q-signature of every request the server saw. */
    static List<String> signatures(FakeClsServer server) {
        List<String> out = new ArrayList<>();
        for (ReceivedRequest r : server.requests()) {
            String auth = r.header("authorization");
            int at = auth.indexOf("q-signature=");
            out.add(auth.substring(at + "q-signature=".length()));
        }
        assertFalse(out.isEmpty());
        return out;
    }

    /** Message, toString and the whole stack trace with causes. */
    static String describe(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return t.getMessage() + "\n" + t + "\n" + out;
    }

    static void assertNoSecret(String... texts) {
        for (String text : texts) {
            for (String secret :
                    new String[] {FakeClsServer.SECRET_KEY, FakeClsServer.SESSION_TOKEN, WRONG_KEY, STALE_TOKEN}) {
                assertFalse(text.contains(secret), "a secret appears in: " + text);
            }
        }
    }
}
