package io.clssdk.tailer.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.clssdk.core.api.LogType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keys CLS reserves get the "log" prefix, wherever they come from; no other key changes. */
class ReservedKeysTest {
    @Test
    void jsonMembersNamedLikeClsMetadataAreRenamedAndTheTimeKeyFollows() {
        LinePipeline p = Configs.pipeline(
                LogType.JSON_LOG, Configs.rule().timeKey("__TIMESTAMP__").timeFormat("%s"));
        RecordingOutput out = new RecordingOutput()
                .feed(
                        p,
                        1,
                        "{\"__TIMESTAMP__\":\"1700000000\",\"__FILENAME__\":\"a.log\",\"__LOGSETID__\":1,"
                                + "\"__TOPICID__\":2,\"__CONTENT__\":\"kept\",\"__timestamp__\":\"kept\",\"_x\":3}");
        assertEquals(
                "log__TIMESTAMP__=1700000000|log__FILENAME__=a.log|log__LOGSETID__=1|log__TOPICID__=2"
                        + "|__CONTENT__=kept|__timestamp__=kept|_x=3",
                out.only().text());
        assertEquals(1_700_000_000_000L, out.only().timeMs, "the configured TimeKey names the renamed field");
    }

    @Test
    void configuredKeysAreRenamedToo() {
        LinePipeline p = Configs.pipeline(
                LogType.DELIMITER_LOG, Configs.rule().delimiter("|").keys(Arrays.asList("__FILENAME__", "msg")));
        RecordingOutput out = new RecordingOutput().feed(p, 1, "x.log|hello");
        assertEquals("log__FILENAME__=x.log|msg=hello", out.only().text());
    }

    @Test
    void onlyExactReservedNamesMatch() {
        for (String key : new String[] {"", "_", "__", "__TIMESTAMP_", "__TIMESTAMP__x", "__TOPICID", "msg"}) {
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            assertNull(ReservedKeys.renamed(b, 0, b.length), key);
            assertSame(b, ReservedKeys.safe(b));
        }
        byte[] inside = "xx__TOPICID__yy".getBytes(StandardCharsets.UTF_8);
        assertEquals("log__TOPICID__", new String(ReservedKeys.renamed(inside, 2, 11), StandardCharsets.UTF_8));
    }
}
