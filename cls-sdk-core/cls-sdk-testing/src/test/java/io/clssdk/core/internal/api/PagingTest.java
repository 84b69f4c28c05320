package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clssdk.core.api.Filter;
import io.clssdk.core.api.MachineInfo;
import io.clssdk.core.api.TopicInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lazy iteration of Describe* results across Offset/Limit pages of 100. */
class PagingTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String topics(int from, int count, int total) {
        StringBuilder sb = new StringBuilder("\"Topics\":[");
        for (int i = from; i < from + count; i++) {
            sb.append(i == from ? "" : ",")
                    .append("{\"TopicId\":\"t-")
                    .append(i)
                    .append("\"}");
        }
        return sb.append("],\"TotalCount\":").append(total).toString();
    }

    @Test
    void listTopicsFetchesThreePagesLazilyWithTheFiltersOnEach() {
        f.api.ok(topics(0, 100, 250)).ok(topics(100, 100, 250)).ok(topics(200, 50, 250));
        Iterable<TopicInfo> all = f.client.listTopics(Filter.of("logsetId", "ls-1"));
        assertEquals(0, f.api.requestCount(), "nothing is fetched before iteration");
        Iterator<TopicInfo> it = all.iterator();
        assertEquals("t-0", it.next().topicId());
        assertEquals(1, f.api.requestCount(), "only the first page so far");

        List<String> ids = new ArrayList<>();
        it.forEachRemaining(t -> ids.add(t.topicId()));
        assertEquals(249, ids.size());
        assertEquals("t-249", ids.get(248));
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(3, f.api.requestCount(), "a short page ends the iteration without another call");

        String filter = "{\"Filters\":[{\"Key\":\"logsetId\",\"Values\":[\"ls-1\"]}],";
        assertEquals(filter + "\"Offset\":0,\"Limit\":100}", f.api.take().body());
        assertEquals(filter + "\"Offset\":100,\"Limit\":100}", f.api.take().body());
        assertEquals(filter + "\"Offset\":200,\"Limit\":100}", f.api.take().body());
    }

    @Test
    void aFullLastPageEndsAtTotalCountAndAnEmptyPageEndsEarly() {
        f.api.ok(topics(0, 100, 100));
        List<TopicInfo> all = new ArrayList<>();
        f.client.listTopics().forEach(all::add);
        assertEquals(100, all.size());
        assertEquals(1, f.api.requestCount(), "TotalCount says there is nothing more");

        f.api.ok(topics(0, 100, 500)).ok(topics(0, 0, 500));
        all.clear();
        f.client.listTopics().forEach(all::add);
        assertEquals(100, all.size(), "an empty page stops even if TotalCount promised more");
        assertEquals(3, f.api.requestCount());
    }

    @Test
    void eachIteratorStartsAgainAndListMachinesKeepsTheGroupId() {
        String machines = "\"Machines\":[{\"Ip\":\"10.0.0.7\",\"Status\":1}],\"TotalCount\":1";
        f.api.ok(machines).ok(machines);
        Iterable<MachineInfo> all = f.client.listMachines("g-1");
        assertEquals("10.0.0.7", all.iterator().next().ip());
        assertEquals("10.0.0.7", all.iterator().next().ip());
        assertEquals(
                "{\"GroupId\":\"g-1\",\"Offset\":0,\"Limit\":100}", f.api.take().body());
        assertEquals(
                "{\"GroupId\":\"g-1\",\"Offset\":0,\"Limit\":100}", f.api.take().body());
    }
}
