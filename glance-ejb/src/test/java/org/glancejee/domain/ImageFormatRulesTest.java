package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageFormatRulesTest {

    @Test
    void matchingContentIsKeptWithItsVirtualSize() {
        assertEquals(Optional.of(10L), ImageFormatRules.check("qcow2", "bare", "qcow2", 10, List.of(), true));
        assertEquals(Optional.of(10L), ImageFormatRules.check("iso", "bare", "gpt", 10, List.of(), true));
    }

    @Test
    void rawTakesAnySafeContentAndUninspectableFormatsTakeRawLookingContent() {
        assertEquals(Optional.empty(), ImageFormatRules.check("raw", "bare", "qcow2", 10, List.of(), true));
        assertEquals(Optional.empty(), ImageFormatRules.check("ami", "bare", "raw", 10, List.of(), true));
        assertThrows(UnsupportedMediaException.class,
                () -> ImageFormatRules.check("ami", "bare", "qcow2", 10, List.of(), true));
    }

    @Test
    void aMismatchIsRefusedUnlessTheOperatorAllowsIt() {
        UnsupportedMediaException refused = assertThrows(UnsupportedMediaException.class,
                () -> ImageFormatRules.check("qcow2", "bare", "raw", 10, List.of(), true));
        assertEquals("Image content does not match disk_format qcow2 (it looks like raw).", refused.getMessage());
        assertEquals(Optional.empty(), ImageFormatRules.check("qcow2", "bare", "raw", 10, List.of(), false));
    }

    @Test
    void unsafeContentIsRefusedWhateverTheFormatsSay() {
        assertThrows(UnsupportedMediaException.class, () -> ImageFormatRules.check("raw", "bare", "qcow2", 10,
                List.of("qcow2 images with a backing file are not allowed"), false));
    }

    @Test
    void onlyBareContainersAreInspected() {
        assertEquals(Optional.empty(), ImageFormatRules.check("qcow2", "ovf", "raw", 10,
                List.of("anything"), true));
    }
}
