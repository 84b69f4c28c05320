package io.clssdk.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** {@link MachineGroupSpec} and {@link MachineGroupInfo}: the members they share behave alike, their rules differ. */
class MachineGroupSpecTest {
    private static MachineGroupSpec full() {
        return MachineGroupSpec.builder()
                .groupName("web")
                .labels("a", "b")
                .tags(Collections.singletonMap("team", "ops"))
                .autoUpdate(true)
                .updateWindow("02:00:00", "04:00:00")
                .serviceLogging(false)
                .delayCleanupTime(30)
                .metaTags(Collections.singletonMap("env", "prod"))
                .osType(1)
                .build();
    }

    @Test
    void toBuilderCopiesEveryMember() {
        MachineGroupSpec spec = full();
        MachineGroupSpec copy = spec.toBuilder().build();
        assertEquals(spec, copy);
        assertEquals(spec.hashCode(), copy.hashCode());
        assertEquals(spec.toString(), copy.toString());
        assertEquals(
                "MachineGroupSpec[web, label, [a, b], {team=ops}, true, 02:00:00, 04:00:00, false, 30, {env=prod}, 1]",
                spec.toString());
        assertNotEquals(spec, spec.toBuilder().osType(0).build());
        assertNotEquals(spec, spec.toBuilder().metaTags(null).build());
    }

    @Test
    void aSpecTreatsAnEmptyUpdateWindowAsUnsetButAnInfoKeepsWhatCameIn() {
        MachineGroupSpec spec = full().toBuilder().updateWindow("", "").build();
        assertNull(spec.updateStartTime());
        assertNull(spec.updateEndTime());
        MachineGroupInfo info =
                MachineGroupInfo.builder().groupId("g-1").updateWindow("", "").build();
        assertEquals("", info.updateStartTime());
        assertEquals("", info.updateEndTime());
    }

    @Test
    void anInfoNeedsOnlyItsIdAndComparesByEveryMember() {
        MachineGroupInfo bare = MachineGroupInfo.builder().groupId("g-1").build();
        assertNull(bare.groupName());
        assertNull(bare.type());
        assertEquals(Collections.emptyList(), bare.values());
        assertEquals(Collections.emptyMap(), bare.tags());
        assertThrows(
                IllegalArgumentException.class,
                () -> MachineGroupInfo.builder().groupName("web").build());

        MachineGroupInfo a = MachineGroupInfo.builder()
                .groupId("g-1")
                .createTime("2023-11-14 22:13:20")
                .groupName("web")
                .machineGroupType(MachineGroupType.IP, Arrays.asList("10.0.0.7"))
                .build();
        MachineGroupInfo b = MachineGroupInfo.builder()
                .groupName("web")
                .machineGroupType(MachineGroupType.IP, Arrays.asList("10.0.0.7"))
                .createTime("2023-11-14 22:13:20")
                .groupId("g-1")
                .build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("MachineGroupInfo{groupId=g-1, groupName=web, type=ip, values=[10.0.0.7]}", a.toString());
        assertNotEquals(
                a, MachineGroupInfo.builder().groupId("g-2").groupName("web").build());
        assertNotEquals(
                a,
                MachineGroupInfo.builder()
                        .groupId("g-1")
                        .createTime("2023-11-14 22:13:21")
                        .groupName("web")
                        .machineGroupType(MachineGroupType.IP, Arrays.asList("10.0.0.7"))
                        .build());
    }

    @Test
    void aSpecAndAnInfoWithTheSameSettingsAreNotEqual() {
        MachineGroupSpec spec =
                MachineGroupSpec.builder().groupName("web").ips("10.0.0.7").build();
        MachineGroupInfo info = MachineGroupInfo.builder()
                .groupId("g-1")
                .groupName("web")
                .machineGroupType(MachineGroupType.IP, Arrays.asList("10.0.0.7"))
                .build();
        assertNotEquals(spec, info);
        assertNotEquals(info, spec);
    }
}
