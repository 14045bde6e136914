package org.glancejee.imagedata;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RangeNotSatisfiableException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteRangeTest {

    @Test
    void readsTheThreeSingleRangeForms() {
        assertEquals(new ByteRange(0, 15, 100), ByteRange.parse("bytes=0-15", null, 100).orElseThrow());
        assertEquals(new ByteRange(90, 99, 100), ByteRange.parse("bytes=90-", null, 100).orElseThrow());
        assertEquals(new ByteRange(94, 99, 100), ByteRange.parse("bytes=-6", null, 100).orElseThrow());
        assertEquals(new ByteRange(0, 99, 100), ByteRange.parse("bytes=-500", null, 100).orElseThrow());
        assertEquals(new ByteRange(50, 99, 100), ByteRange.parse("bytes=50-1000", null, 100).orElseThrow());
        assertEquals("bytes 0-15/100", new ByteRange(0, 15, 100).contentRange());
        assertEquals(16, new ByteRange(0, 15, 100).length());
    }

    @Test
    void noHeaderMeansTheWholeData() {
        assertEquals(Optional.empty(), ByteRange.parse(null, null, 100));
    }

    @Test
    void acceptsTheLegacyContentRangeRequestHeader() {
        assertEquals(new ByteRange(10, 19, 100), ByteRange.parse(null, "bytes 10-19/100", 100).orElseThrow());
    }

    @Test
    void refusesWhatCannotBeServed() {
        assertThrows(InvalidInputException.class, () -> ByteRange.parse("bytes=0-1,5-6", null, 100));
        RangeNotSatisfiableException outside = assertThrows(RangeNotSatisfiableException.class,
                () -> ByteRange.parse("bytes=100-", null, 100));
        assertEquals("Invalid start position in Range header. Start position MUST be in the inclusive range [0, 99].",
                outside.detail());
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=5-2", null, 100));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("pages=1-2", null, 100));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=-0", null, 100));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=0-", null, 0));
    }
}
