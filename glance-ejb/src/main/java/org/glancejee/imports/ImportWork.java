package org.glancejee.imports;

import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportRequest;

import java.util.Map;
import java.util.Optional;

/**
 * What a running import needs to know of its image, read when the task starts processing.
 *
 * @param stagedSize what glance-direct staged (0 for the other methods)
 * @param source for copy-image, the store and location holding the data now
 */
public record ImportWork(String taskId, String imageId, ImportRequest request, String diskFormat,
                         String containerFormat, long stagedSize, Map<String, String> properties,
                         Optional<SourceData> source) {

    public ImportMethod method() {
        return request.method();
    }

    /** Data an image already has in a store. */
    public record SourceData(String storeId, String location) {
    }
}
