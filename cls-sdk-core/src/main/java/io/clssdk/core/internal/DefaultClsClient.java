package io.clssdk.core.internal;

import io.clssdk.core.ClsClient;
import io.clssdk.core.ClsClientException;
import io.clssdk.core.ClsEndpoint;
import io.clssdk.core.CredentialsProvider;
import io.clssdk.core.HttpOptions;
import io.clssdk.core.LogGroup;
import io.clssdk.core.PutLogsOptions;
import io.clssdk.core.PutLogsResult;
import io.clssdk.core.spi.Codec;
import io.clssdk.core.spi.HttpTransport;
import io.clssdk.core.spi.Limits;
import io.clssdk.core.spi.LogGroupListEncoder;
import io.clssdk.core.spi.SystemClock;
import io.clssdk.core.spi.Uploader;
import io.clssdk.core.spi.Version;
import io.clssdk.core.spi.WireBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link ClsClient} implementation: encode, compress, upload. */
public final class DefaultClsClient implements ClsClient {
    private final HttpTransport http;
    private final Uploader uploader;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DefaultClsClient(ClsEndpoint endpoint, CredentialsProvider credentials, HttpOptions httpOptions) {
        this.http = new HttpTransport(httpOptions);
        this.uploader = new Uploader(endpoint, credentials, http, SystemClock.INSTANCE, Version.USER_AGENT);
    }

    @Override
    public PutLogsResult putLogs(String topicId, List<LogGroup> groups) {
        return putLogs(topicId, groups, PutLogsOptions.defaults());
    }

    @Override
    public PutLogsResult putLogs(String topicId, List<LogGroup> groups, PutLogsOptions options) {
        Limits.checkTopicId(topicId);
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            throw new ClsClientException(ClsClientException.Reason.CLOSED, "this ClsClient is closed");
        }
        WireBuffer body = LogGroupListEncoder.encode(groups);
        Codec codec = Codec.of(options.compression());
        byte[] bytes = body.array();
        int length = body.position();
        if (!codec.isIdentity()) {
            WireBuffer compressed = new WireBuffer(length / 4 + 64);
            codec.compress(body.array(), 0, body.position(), compressed);
            bytes = compressed.array();
            length = compressed.position();
        }
        String requestId = uploader.upload(topicId, bytes, 0, length, codec.headerValue(), options.hashKey());
        return new PutLogsResult(requestId, body.position(), length, body.unpairedSurrogates());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "DefaultClsClient{closed=" + closed.get() + '}';
    }
}
