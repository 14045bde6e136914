package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationDataTest {
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final String SHA512 = "ab".repeat(64);

    private static Image queued() {
        return Image.newImage(null, "p", T0);
    }

    @Test
    void aQueuedImageTakesWellFormedDigests() {
        ValidationData taken = ValidationData.of(Map.of("checksum", MD5, "os_hash_algo", "sha512",
                "os_hash_value", SHA512)).against(queued(), "sha512");
        assertEquals(new ValidationData(MD5, "sha512", SHA512), taken);
    }

    @Test
    void nothingGivenKeepsWhatTheImageHas() {
        assertEquals(new ValidationData(null, null, null), ValidationData.NONE.against(queued(), "sha512"));
    }

    @Test
    void malformedDigestsAreConflicts() {
        String bad = assertThrows(ConflictException.class, () -> ValidationData.of(Map.of("checksum", "xyz",
                "os_hash_algo", "sha512", "os_hash_value", SHA512)).against(queued(), "sha512")).getMessage();
        assertTrue(bad.contains("not a valid hexadecimal value"), bad);
        String shortHash = assertThrows(ConflictException.class, () -> ValidationData.of(Map.of(
                "os_hash_algo", "sha512", "os_hash_value", "abcd")).against(queued(), "sha512")).getMessage();
        assertTrue(shortHash.contains("should be 64 bytes"), shortHash);
        String otherAlgorithm = assertThrows(ConflictException.class, () -> ValidationData.of(Map.of(
                "os_hash_algo", "sha256", "os_hash_value", "ab".repeat(32))).against(queued(), "sha512")).getMessage();
        assertEquals("os_hash_algo must be sha512, not sha256", otherAlgorithm);
    }

    @Test
    void newValuesOnAnImageThatIsNotQueuedAreRefused() {
        Image active = queued();
        active.activateWithRegisteredData(10, null, null, null, T0);
        assertThrows(ConflictException.class, () -> ValidationData.of(Map.of("os_hash_algo", "sha512",
                "os_hash_value", SHA512)).against(active, "sha512"));
    }

    @Test
    void twoLocationsOfOneRequestMustAgree() {
        ValidationData a = ValidationData.of(Map.of("checksum", MD5));
        ValidationData b = ValidationData.of(Map.of("checksum", "f".repeat(32)));
        assertEquals("Conflicting values for checksum",
                assertThrows(ConflictException.class, () -> a.merge(b)).getMessage());
        assertEquals(a, a.merge(ValidationData.NONE));
    }
}
