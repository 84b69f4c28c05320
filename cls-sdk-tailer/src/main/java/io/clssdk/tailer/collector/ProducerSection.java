package io.clssdk.tailer.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clssdk.core.Compression;
import io.clssdk.producer.ProducerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The config file's optional {@code "Producer"} object: {@link ProducerOptions} by their builder names, durations as
 * text ({@code "2s"}), sizes as numbers or text ({@code "512KiB"}), {@code compression} one of {@code none}, {@code
 * lz4}, {@code deflate}, {@code tags} an object of strings. Checked completely when parsed (the option builder's own
 * bounds included), so a bad value fails the file before anything starts.
 */
final class ProducerSection {
    static final ProducerSection EMPTY = new ProducerSection(null);

    private static final Map<String, BiConsumer<ProducerOptions.Builder, JsonNode>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("linger", (b, v) -> b.linger(Units.duration(v.asText())));
        OPTIONS.put("maxBatchBytes", (b, v) -> b.maxBatchBytes(intBytes(v)));
        OPTIONS.put("maxBatchCount", (b, v) -> b.maxBatchCount(integer(v)));
        OPTIONS.put("streamLinger", (b, v) -> b.streamLinger(Units.duration(v.asText())));
        OPTIONS.put("streamMaxBatchBytes", (b, v) -> b.streamMaxBatchBytes(intBytes(v)));
        OPTIONS.put("streamMaxBatchCount", (b, v) -> b.streamMaxBatchCount(integer(v)));
        OPTIONS.put("totalBufferBytes", (b, v) -> b.totalBufferBytes(Units.bytes(v.asText())));
        OPTIONS.put("maxBlock", (b, v) -> b.maxBlock(Units.duration(v.asText())));
        OPTIONS.put("ioThreads", (b, v) -> b.ioThreads(integer(v)));
        OPTIONS.put("compression", (b, v) -> b.compression(compression(v.asText())));
        OPTIONS.put("maxRetries", (b, v) -> b.maxRetries(integer(v)));
        OPTIONS.put("deliveryTimeout", (b, v) -> b.deliveryTimeout(Units.duration(v.asText())));
        OPTIONS.put("retryBackoffBase", (b, v) -> b.retryBackoffBase(Units.duration(v.asText())));
        OPTIONS.put("retryBackoffMax", (b, v) -> b.retryBackoffMax(Units.duration(v.asText())));
        OPTIONS.put("sourceIp", (b, v) -> b.sourceIp(v.asText()));
        OPTIONS.put("hostname", (b, v) -> b.hostname(v.asText()));
        OPTIONS.put("tags", ProducerSection::tags);
    }

    /** The object as written (null when absent): compared to tell whether a reloaded file changed it. */
    private final JsonNode node;

    private ProducerSection(JsonNode node) {
        this.node = node;
    }

    /**
     * Checks {@code node} completely.
     *
     * @throws IllegalArgumentException naming the option ({@code Producer.linger: ...})
     */
    static ProducerSection parse(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("Producer: expected an object of producer options");
        }
        ProducerSection section = new ProducerSection(node.deepCopy());
        section.apply(ProducerOptions.builder());
        return section;
    }

    /**
     * Reads a file holding a {@code Producer} object ({@code --producer-options}).
     *
     * @throws IllegalArgumentException naming the file and the option that is wrong
     * @throws UncheckedIOException if it cannot be read
     */
    static ProducerSection read(Path file) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        try {
            return parse(node == null ? new ObjectMapper().createObjectNode() : node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the options on {@code builder} and builds.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    ProducerOptions apply(ProducerOptions.Builder builder) {
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                BiConsumer<ProducerOptions.Builder, JsonNode> option = OPTIONS.get(e.getKey());
                if (option == null) {
                    throw new IllegalArgumentException("Producer." + e.getKey() + ": unknown option; known: "
                            + String.join(", ", OPTIONS.keySet()));
                }
                try {
                    option.accept(builder, e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("Producer." + e.getKey() + ": " + ex.getMessage(), ex);
                }
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Producer: " + e.getMessage(), e);
        }
    }

    private static int integer(JsonNode v) {
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("expected a whole number, got " + v);
        }
        return v.intValue();
    }

    private static int intBytes(JsonNode v) {
        long n = Units.bytes(v.asText());
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + v.asText() + "' is too large");
        }
        return (int) n;
    }

    private static Compression compression(String text) {
        try {
            return Compression.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of none, lz4, deflate");
        }
    }

    private static void tags(ProducerOptions.Builder b, JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException("expected an object of tag names to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            b.tag(tag.getKey(), tag.getValue().asText());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerSection && java.util.Objects.equals(node, ((ProducerSection) o).node);
    }

    @Override
    public int hashCode() {
        return node == null ? 0 : node.hashCode();
    }
}
