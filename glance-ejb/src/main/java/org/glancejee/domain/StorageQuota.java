package org.glancejee.domain;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glance's {@code user_storage_quota}: the most bytes one owner's images may take in the stores, counted as
 * each image's size times its locations. Written as digits with an optional unit, B, KB, MB, GB or TB
 * (powers of 1024, no space: {@code 3MB}); 0 turns it off.
 *
 * @param bytes the quota in bytes; 0 or less means no quota
 */
public record StorageQuota(long bytes) {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+)((K|M|G|T)?B)?");

    /** No quota. */
    public static final StorageQuota NONE = new StorageQuota(0);

    /** @throws IllegalArgumentException with Glance's message for anything but the syntax above */
    public static StorageQuota parse(String value) {
        Matcher m = SYNTAX.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid value for option user_storage_quota: " + value);
        }
        int shift = switch (m.group(3) == null ? "" : m.group(3)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        BigInteger bytes = new BigInteger(m.group(1)).shiftLeft(shift);
        // Beyond what a long holds is beyond any store: take it as the largest quota there is.
        return new StorageQuota(bytes.bitLength() < Long.SIZE ? bytes.longValue() : Long.MAX_VALUE);
    }

    public boolean enabled() {
        return bytes > 0;
    }

    /** What the owner may still store; negative when already over. */
    public long remaining(long usage) {
        return bytes - usage;
    }

    /**
     * The check before an upload, as Glance makes it: with the size known it must fit what remains; with
     * the size unknown (chunked, or Content-Length 0) the upload is refused only when nothing remains.
     *
     * @param size the announced size, or -1 when unknown
     */
    public static void checkFits(long size, long remaining) {
        if (size < 0 ? remaining <= 0 : size > remaining) {
            throw full(size < 0 ? "None" : String.valueOf(size), String.valueOf(remaining));
        }
    }

    /**
     * The refusal when the data turns out larger than what remained while it streams in. Glance raises it
     * without its values, so its message keeps the placeholders; so does this one.
     */
    public static LimitExceededException exceededWhileStreaming() {
        return full("%(image_size)s", "%(remaining)s");
    }

    private static LimitExceededException full(String size, String remaining) {
        return new LimitExceededException("Image exceeds the storage quota: The size of the data " + size
                + " will exceed the limit. " + remaining + " bytes remaining.");
    }
}
