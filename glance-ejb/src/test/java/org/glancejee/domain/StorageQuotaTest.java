package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageQuotaTest {

    @Test
    void unitsArePowersOf1024AndBytesTheDefault() {
        assertEquals(5, StorageQuota.parse("5").bytes());
        assertEquals(5, StorageQuota.parse("5B").bytes());
        assertEquals(5L << 10, StorageQuota.parse("5KB").bytes());
        assertEquals(3L << 20, StorageQuota.parse("3MB").bytes());
        assertEquals(2L << 30, StorageQuota.parse("2GB").bytes());
        assertEquals(7L << 40, StorageQuota.parse("7TB").bytes());
        assertEquals(8, StorageQuota.parse("0008").bytes());
    }

    @Test
    void zeroIsOff() {
        assertFalse(StorageQuota.parse("0").enabled());
        assertFalse(StorageQuota.parse("0GB").enabled());
        assertFalse(StorageQuota.NONE.enabled());
        assertTrue(StorageQuota.parse("1").enabled());
    }

    @Test
    void anythingElseIsRefusedWithGlancesMessage() {
        for (String value : List.of("", "3 MB", "3mb", "3M", "3KiB", "-1", "1.5GB", "MB", "3PB", "3MBB")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StorageQuota.parse(value),
                    value);
            assertEquals("Invalid value for option user_storage_quota: " + value, e.getMessage());
        }
    }

    @Test
    void aQuotaBeyondALongIsTheLargestThereIs() {
        assertEquals(Long.MAX_VALUE, StorageQuota.parse("9999999999TB").bytes());
        assertEquals(Long.MAX_VALUE, StorageQuota.parse("123456789012345678901234567890").bytes());
        assertEquals(8388607L << 40, StorageQuota.parse("8388607TB").bytes());
        assertEquals(Long.MAX_VALUE, StorageQuota.parse("8388608TB").bytes());
    }

    @Test
    void remainingIsQuotaLessUsageAndMayBeNegative() {
        StorageQuota quota = StorageQuota.parse("3MB");
        assertEquals(1L << 20, quota.remaining(2L << 20));
        assertEquals(-5, quota.remaining((3L << 20) + 5));
    }

    @Test
    void aKnownSizeMustFitWhatRemains() {
        assertDoesNotThrow(() -> StorageQuota.checkFits(1048576, 1048576));
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> StorageQuota.checkFits(2097152, 1048576));
        assertEquals("Image exceeds the storage quota: The size of the data 2097152 will exceed the limit. 1048576"
                + " bytes remaining.", e.getMessage());
    }

    @Test
    void anUnknownSizeIsRefusedOnlyWhenNothingRemains() {
        assertDoesNotThrow(() -> StorageQuota.checkFits(-1, 1));
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> StorageQuota.checkFits(-1, 0));
        assertEquals("Image exceeds the storage quota: The size of the data None will exceed the limit. 0 bytes"
                + " remaining.", e.getMessage());
        e = assertThrows(LimitExceededException.class, () -> StorageQuota.checkFits(-1, -7));
        assertTrue(e.getMessage().endsWith("-7 bytes remaining."), e.getMessage());
    }

    @Test
    void whileStreamingTheMessageKeepsGlancesPlaceholders() {
        assertEquals("Image exceeds the storage quota: The size of the data %(image_size)s will exceed the limit."
                + " %(remaining)s bytes remaining.", StorageQuota.exceededWhileStreaming().getMessage());
    }
}
