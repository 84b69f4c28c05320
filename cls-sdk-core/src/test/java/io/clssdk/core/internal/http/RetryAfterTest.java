package io.clssdk.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final long NOW = 1_445_412_480_000L; // Wed, 21 Oct 2015 07:28:00 GMT

    @Test
    void secondsAndDates() {
        assertEquals(Duration.ofSeconds(3), RetryAfter.parse("3", NOW));
        assertEquals(Duration.ofSeconds(60), RetryAfter.parse("Wed, 21 Oct 2015 07:29:00 GMT", NOW));
    }

    @Test
    void pastDatesMeanNowAndHugeValuesAreCapped() {
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("-5", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse("86400", NOW));
    }

    @Test
    void garbageIsIgnored() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse(" ", NOW));
        assertNull(RetryAfter.parse("soon", NOW));
    }
}
