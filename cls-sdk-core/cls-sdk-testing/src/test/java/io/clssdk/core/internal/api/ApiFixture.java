package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.Credentials;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.testing.FakeCloudApi;
import io.clssdk.core.testing.internal.FakeClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DefaultClsApiClient} wired to a {@link FakeCloudApi} with a fixed clock (epoch second 1,700,000,000) and a
 * retry policy whose jitter returns the cap and whose sleeper records waits instead of sleeping.
 */
final class ApiFixture implements AutoCloseable {
    static final String REGION = "ap-guangzhou";

    final FakeCloudApi api = FakeCloudApi.start();
    final FakeClock clock = new FakeClock();
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final DefaultClsApiClient client;

    ApiFixture() {
        this(CredentialsProvider.of(FakeCloudApi.credentials()), 4);
    }

    ApiFixture(Credentials credentials) {
        this(CredentialsProvider.of(credentials), 4);
    }

    ApiFixture(CredentialsProvider credentials, int maxAttempts) {
        RetryPolicy retry = new RetryPolicy(maxAttempts, 200, 5_000, bound -> bound, sleeps::add);
        client = new DefaultClsApiClient(
                ClsEndpoint.parse(api.endpoint()), REGION, credentials, HttpOptions.defaults(), retry, clock);
    }

    /** The next request the fake endpoint received, asserting it is {@code action}. */
    FakeCloudApi.ApiRequest taken(String action) {
        FakeCloudApi.ApiRequest r = api.take();
        assertEquals(action, r.action());
        return r;
    }

    @Override
    public void close() {
        client.close();
        api.close();
    }
}
