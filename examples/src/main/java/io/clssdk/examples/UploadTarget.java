package io.clssdk.examples;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.testing.FakeClsServer;
import java.util.List;

/**
 * Where the examples upload: real CLS when {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY},
 * {@code CLS_REGION} and {@code CLS_TOPIC_ID} are set (optional {@code CLS_NETWORK=private} for the in-region
 * endpoint), otherwise an embedded local CLS endpoint on 127.0.0.1 — the verifying fake the SDK's own tests use: it
 * checks every signature, decompresses and decodes every request and keeps the logs, so a run proves the bytes.
 */
final class UploadTarget implements AutoCloseable {
    /** The topic id used against the local endpoint. */
    static final String LOCAL_TOPIC = "00000000-demo-4000-8000-000000000001";

    static final String NETWORK = "CLS_NETWORK";

    final ClsEndpoint endpoint;
    final CredentialsProvider credentials;
    final String topicId;
    /** The embedded endpoint, or null when the target is real CLS. */
    final FakeClsServer local;
    /** The variables real CLS needs that are not set (why the target is local); empty for real CLS. */
    private final List<String> missing;

    private UploadTarget(
            ClsEndpoint endpoint,
            CredentialsProvider credentials,
            String topicId,
            FakeClsServer local,
            List<String> missing) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.topicId = topicId;
        this.local = local;
        this.missing = missing;
    }

    static UploadTarget from(ExampleEnv env) {
        List<String> missing =
                env.missing(ExampleEnv.SECRET_ID, ExampleEnv.SECRET_KEY, ExampleEnv.REGION, ExampleEnv.TOPIC_ID);
        if (missing.isEmpty()) {
            ClsEndpoint.Network network = "private".equalsIgnoreCase(env.get(NETWORK))
                    ? ClsEndpoint.Network.PRIVATE
                    : ClsEndpoint.Network.PUBLIC;
            return new UploadTarget(
                    ClsEndpoint.of(env.get(ExampleEnv.REGION), network),
                    CredentialsProvider.of(
                            env.get(ExampleEnv.SESSION_TOKEN) == null
                                    ? Credentials.of(env.get(ExampleEnv.SECRET_ID), env.get(ExampleEnv.SECRET_KEY))
                                    : Credentials.of(
                                            env.get(ExampleEnv.SECRET_ID),
                                            env.get(ExampleEnv.SECRET_KEY),
                                            env.get(ExampleEnv.SESSION_TOKEN))),
                    env.get(ExampleEnv.TOPIC_ID),
                    null,
                    missing);
        }
        FakeClsServer server = FakeClsServer.start();
        return new UploadTarget(
                server.endpoint(), CredentialsProvider.of(FakeClsServer.credentials()), LOCAL_TOPIC, server, missing);
    }

    boolean isLocal() {
        return local != null;
    }

    String describe() {
        return isLocal()
                ? "an embedded local CLS endpoint at " + endpoint + " (not set: " + String.join(", ", missing)
                        + "; set TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, CLS_REGION and CLS_TOPIC_ID, and"
                        + " CLS_NETWORK=private inside Tencent Cloud, to use real CLS)"
                : "CLS at " + endpoint + ", topic " + topicId;
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
