package example;

import io.clssdk.core.ClsClient;
import io.clssdk.core.ClsServiceException;
import io.clssdk.core.Compression;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.LogGroup;
import io.clssdk.core.LogRecord;
import io.clssdk.core.PutLogsOptions;
import io.clssdk.core.api.ClsApiClient;
import io.clssdk.core.testing.FakeCloudApi;
import io.clssdk.core.testing.FakeClsServer;
import io.clssdk.core.testing.Fault;
import java.util.Collections;
import java.util.List;

/**
 * What a user's test does with cls-sdk-testing, in a package of its own so only public API is reachable.
 * PublishedDependenciesIT compiles and runs it with nothing but the fixtures jar and the dependencies its pom declares;
 * it prints "fixtures work" and exits 0, or throws.
 */
public final class FixtureConsumer {
    public static void main(String[] args) {
        List<LogGroup> groups =
                Collections.singletonList(LogGroup.of(Collections.singletonList(LogRecord.of(1L, "message", "shipped"))));
        try (FakeClsServer server = FakeClsServer.start();
                ClsClient client = ClsClient.builder()
                        .endpoint(server.endpoint())
                        .credentials(CredentialsProvider.of(FakeClsServer.credentials()))
                        .build()) {
            server.enqueue(Fault.throttled());
            try {
                client.putLogs("topic-1", groups);
                throw new AssertionError("the scripted 429 was not answered");
            } catch (ClsServiceException e) {
                check(e.httpStatus() == 429, "status " + e.httpStatus());
            }
            client.putLogs("topic-1", groups); // LZ4: the endpoint decompresses with lz4-java
            client.putLogs("topic-1", groups, PutLogsOptions.builder().compression(Compression.DEFLATE).build());
            check(server.logs("topic-1").size() == 2, "stored " + server.logs());
            check("shipped".equals(server.logs().get(0).field("message")), "stored " + server.logs());
        }
        try (FakeCloudApi api = FakeCloudApi.start();
                ClsApiClient client = ClsApiClient.builder()
                        .region("ap-guangzhou")
                        .credentials(CredentialsProvider.of(FakeCloudApi.credentials()))
                        .endpoint(api.endpoint())
                        .build()) {
            api.ok("\"LogsetId\":\"ls-1\"");
            check("ls-1".equals(client.createLogset("app")), "logset id");
            check("CreateLogset".equals(api.take().action()), "action");
        }
        System.out.println("fixtures work");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
