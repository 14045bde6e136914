package org.glancejee.domain;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The digests a caller vouches for when it registers a location ({@code validation_data}): MD5
 * {@code checksum}, {@code os_hash_algo} and {@code os_hash_value}, each optional. Checked as Glance does:
 * values may only be set on a queued image, must agree with what the image has, and must be well formed.
 */
public record ValidationData(String md5, String hashAlgorithm, String hashValue) {
    public static final ValidationData NONE = new ValidationData(null, null, null);

    private static final Map<String, Integer> DIGEST_BYTES = Map.of("md5", 16, "sha1", 20, "sha224", 28,
            "sha256", 32, "sha384", 48, "sha512", 64, "sha3_256", 32, "sha3_512", 64);

    public static ValidationData of(Map<?, ?> json) {
        if (json == null) {
            return NONE;
        }
        return new ValidationData(text(json, "checksum"), text(json, "os_hash_algo"), text(json, "os_hash_value"));
    }

    private static String text(Map<?, ?> json, String key) {
        Object value = json.get(key);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException("Invalid validation_data: " + key + " must be a string");
        }
        return (String) value;
    }

    /** The values of two locations of one request together; different values for one key are a conflict. */
    public ValidationData merge(ValidationData other) {
        return new ValidationData(agree("checksum", md5, other.md5),
                agree("os_hash_algo", hashAlgorithm, other.hashAlgorithm),
                agree("os_hash_value", hashValue, other.hashValue));
    }

    private static String agree(String key, String a, String b) {
        if (a != null && b != null && !a.equals(b)) {
            throw new ConflictException("Conflicting values for " + key);
        }
        return a != null ? a : b;
    }

    /**
     * What the image's digests become: its own, completed by these values.
     *
     * @param configuredAlgorithm the server's hashing_algorithm, the only os_hash_algo a new value may name
     */
    public ValidationData against(Image image, String configuredAlgorithm) {
        String newMd5 = fresh("checksum", md5, image.checksum());
        String newAlgo = fresh("os_hash_algo", hashAlgorithm, image.osHashAlgo());
        String newValue = fresh("os_hash_value", hashValue, image.osHashValue());
        if (newMd5 == null && newAlgo == null && newValue == null) {
            return new ValidationData(image.checksum(), image.osHashAlgo(), image.osHashValue());
        }
        if (image.status() != ImageStatus.QUEUED) {
            throw new ConflictException("New value(s) for validation data may only be provided when image status"
                    + " is 'queued'");
        }
        if (newMd5 != null) {
            requireDigest("checksum", newMd5, 16, "md5");
        }
        if (!Objects.equals(newAlgo, configuredAlgorithm)) {
            throw new ConflictException("os_hash_algo must be " + configuredAlgorithm + ", not "
                    + Objects.toString(newAlgo, "None"));
        }
        if (newValue == null) {
            throw new ConflictException("os_hash_value (None) is not a valid hexadecimal value");
        }
        requireDigest("os_hash_value", newValue, DIGEST_BYTES.getOrDefault(newAlgo, -1), newAlgo);
        return new ValidationData(newMd5 != null ? newMd5 : image.checksum(), newAlgo, newValue);
    }

    /** A value that differs from what the image has; the same value again is no change. */
    private static String fresh(String key, String given, String current) {
        if (given == null || given.equals(current)) {
            return null;
        }
        if (current != null) {
            throw new ConflictException(key + " is already set with a different value");
        }
        return given;
    }

    private static void requireDigest(String key, String hex, int bytes, String algorithm) {
        byte[] parsed;
        try {
            parsed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ConflictException(key + " (" + hex + ") is not a valid hexadecimal value");
        }
        if (parsed.length != bytes) {
            throw new ConflictException(key + " (" + hex + ") is not the correct size for " + algorithm
                    + " (should be " + bytes + " bytes)");
        }
    }
}
