package org.glancejee.web.json;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.UnsupportedMediaException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagePatchParserTest {

    @Test
    void readsBothMediaTypes() {
        List<PatchOperation> v21 = ImagePatchParser.parse(ImagePatchParser.V21,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"n\"},{\"op\":\"remove\",\"path\":\"/a~1b~0c\"}]");
        assertEquals(new PatchOperation(PatchOperation.Op.REPLACE, "name", "n"), v21.get(0));
        assertEquals(new PatchOperation(PatchOperation.Op.REMOVE, "a/b~c", null), v21.get(1));
        List<PatchOperation> v20 = ImagePatchParser.parse(ImagePatchParser.V20 + "; charset=utf-8",
                "[{\"add\":\"/k\",\"value\":\"v\"}]");
        assertEquals(new PatchOperation(PatchOperation.Op.ADD, "k", "v"), v20.get(0));
        assertTrue(ImagePatchParser.strictAdd(ImagePatchParser.V20));
    }

    @Test
    void refusesOtherMediaTypes() {
        assertThrows(UnsupportedMediaException.class, () -> ImagePatchParser.parse("application/json", "[]"));
    }

    @Test
    void refusesMalformedOperations() {
        assertEquals("Request body must be a JSON array of operation objects.", assertThrows(
                InvalidInputException.class, () -> ImagePatchParser.parse(ImagePatchParser.V21, "{}")).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> ImagePatchParser.parse(ImagePatchParser.V21,
                "[{\"op\":\"test\",\"path\":\"/name\",\"value\":1}]")).getMessage().startsWith("Invalid operation"));
        assertEquals("Operation \"replace\" requires a member named \"value\".", assertThrows(
                InvalidInputException.class, () -> ImagePatchParser.parse(ImagePatchParser.V21,
                        "[{\"op\":\"replace\",\"path\":\"/name\"}]")).getMessage());
        assertThrows(InvalidInputException.class, () -> ImagePatchParser.parse(ImagePatchParser.V20,
                "[{\"add\":\"/a\",\"remove\":\"/b\",\"value\":1}]"));
    }

    @Test
    void checksPointers() {
        assertThrows(InvalidInputException.class, () -> ImagePatchParser.decodePointer("name", PatchOperation.Op.ADD));
        assertThrows(InvalidInputException.class, () -> ImagePatchParser.decodePointer("/a//b", PatchOperation.Op.ADD));
        assertThrows(InvalidInputException.class, () -> ImagePatchParser.decodePointer("/a/", PatchOperation.Op.ADD));
        assertThrows(InvalidInputException.class, () -> ImagePatchParser.decodePointer("/a~2", PatchOperation.Op.ADD));
        assertEquals("Invalid JSON pointer for this resource: '/foo/bar'", assertThrows(InvalidInputException.class,
                () -> ImagePatchParser.decodePointer("/foo/bar", PatchOperation.Op.ADD)).getMessage());
        assertEquals("locations", ImagePatchParser.decodePointer("/locations/-", PatchOperation.Op.ADD));
    }
}
