package org.glancejee.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What an import stored, as the image records it: the measured size and digests, and what the import
 * plugins changed (formats after a conversion, the virtual size, injected properties).
 */
public record ImportedData(long size, String md5, String hashAlgorithm, String hashValue,
                           Optional<String> diskFormat, Optional<String> containerFormat,
                           Optional<Long> virtualSize, Map<String, String> properties) {
    public ImportedData {
        properties = Map.copyOf(properties);
    }
}
