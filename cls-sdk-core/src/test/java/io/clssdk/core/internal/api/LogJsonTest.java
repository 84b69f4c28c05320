package io.clssdk.core.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogJsonTest {
    @Test
    void keepsOrderAndRendersNonStringValuesAsJson() {
        Map<String, String> fields =
                LogJson.fields("{\"b\":\"x\",\"a\":1.5,\"o\":{\"k\":[1,\"2\"]},\"t\":true,\"n\":null,\"u\":\"日志\"}");
        assertEquals("{b=x, a=1.5, o={\"k\":[1,\"2\"]}, t=true, n=, u=日志}", fields.toString());
        assertThrows(UnsupportedOperationException.class, () -> fields.put("c", "d"));
    }

    @Test
    void anythingButAJsonObjectGivesNoFields() {
        assertTrue(LogJson.fields(null).isEmpty());
        assertTrue(LogJson.fields("").isEmpty());
        assertTrue(LogJson.fields("[1,2]").isEmpty());
        assertTrue(LogJson.fields("{\"a\":").isEmpty());
        assertTrue(LogJson.fields("plain text").isEmpty());
    }
}
