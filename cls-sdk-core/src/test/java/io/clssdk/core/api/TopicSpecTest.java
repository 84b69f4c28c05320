package io.clssdk.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** {@link TopicSpec} and {@link TopicInfo}: the members they share behave alike, their rules differ. */
class TopicSpecTest {
    private static TopicSpec full() {
        return TopicSpec.builder()
                .logsetId("ls-1")
                .topicName("app")
                .partitionCount(2)
                .tags(Collections.singletonMap("team", "ops"))
                .autoSplit(true)
                .maxSplitPartitions(20)
                .storageType("cold")
                .period(30)
                .describes("app logs")
                .hotPeriod(7)
                .isWebTracking(false)
                .build();
    }

    @Test
    void toBuilderCopiesEveryMember() {
        TopicSpec spec = full();
        TopicSpec copy = spec.toBuilder().build();
        assertEquals(spec, copy);
        assertEquals(spec.hashCode(), copy.hashCode());
        assertEquals("TopicSpec[ls-1, app, 2, {team=ops}, true, 20, cold, 30, app logs, 7, false]", spec.toString());
        assertNotEquals(spec, spec.toBuilder().hotPeriod(8).build());
        assertEquals(TopicSpec.builder().logsetId("ls-1").topicName("app").build(), TopicSpec.of("ls-1", "app"));
    }

    @Test
    void aSpecTreatsEmptyTextAsUnsetButAnInfoKeepsWhatCameIn() {
        TopicSpec spec =
                full().toBuilder().storageType("").describes("").period(null).build();
        assertNull(spec.storageType());
        assertNull(spec.describes());
        TopicInfo info =
                TopicInfo.builder().topicId("t-1").storageType("").describes("").build();
        assertEquals("", info.storageType());
        assertEquals("", info.describes());
    }

    @Test
    void anInfoNeedsOnlyItsIdAndComparesByEveryMember() {
        TopicInfo bare = TopicInfo.builder().topicId("t-1").build();
        assertNull(bare.logsetId());
        assertFalse(bare.index());
        assertEquals(Collections.emptyMap(), bare.tags());
        assertThrows(
                IllegalArgumentException.class,
                () -> TopicInfo.builder().topicName("app").build());

        TopicInfo a = info(true, 0);
        TopicInfo b = TopicInfo.builder()
                .bizType(0)
                .status(true)
                .index(true)
                .topicName("app")
                .logsetId("ls-1")
                .topicId("t-1")
                .build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("TopicInfo{topicId=t-1, topicName=app, logsetId=ls-1, index=true, status=true}", a.toString());
        assertNotEquals(a, info(false, 0));
        assertNotEquals(a, info(true, 1));
    }

    @Test
    void aSpecAndAnInfoWithTheSameSettingsAreNotEqual() {
        TopicInfo info = TopicInfo.builder()
                .topicId("t-1")
                .logsetId("ls-1")
                .topicName("app")
                .build();
        assertNotEquals(TopicSpec.of("ls-1", "app"), info);
        assertNotEquals(info, TopicSpec.of("ls-1", "app"));
    }

    private static TopicInfo info(boolean status, int bizType) {
        return TopicInfo.builder()
                .topicId("t-1")
                .logsetId("ls-1")
                .topicName("app")
                .index(true)
                .status(status)
                .bizType(bizType)
                .build();
    }
}
