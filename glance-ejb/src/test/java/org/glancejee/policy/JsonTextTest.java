package org.glancejee.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class JsonTextTest {

    @Test
    void readsObjectsArraysAndScalars() {
        Object document = JsonText.parse("{\"a\":\"x\",\t\"b\": [[\"y\"], []], \"c\": null, \"d\": true, \"e\": -1.5e2}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", "x");
        expected.put("b", List.of(List.of("y"), List.of()));
        expected.put("c", null);
        expected.put("d", true);
        expected.put("e", new BigDecimal("-1.5e2"));
        assertEquals(expected, document);
        assertNull(JsonText.parse(" null "));
        assertEquals(Arrays.asList(1, 2).toString(), JsonText.parse("[1,2]").toString());
    }

    @Test
    void decodesEscapes() {
        assertEquals("a/b\"c\\d\né", JsonText.parse("\"a\\/b\\\"c\\\\d\\n\\u00e9\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\": }", "{\"a\": \"b\",}", "a: b", "{\"a\": \"b\"} x", "\"tab\tinside\"",
            "{'a': 'b'}", "[1,]"})
    void refusesWhatIsNotJson(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonText.parse(text));
    }
}
