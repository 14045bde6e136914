package org.glancejee.imports;

import org.glancejee.domain.ImportMethod;
import org.glancejee.domain.ImportRequest;
import org.glancejee.store.DataCopy;

import java.util.List;
import java.util.Map;

/**
 * What a running import needs to know of its image, read when the task starts processing.
 *
 * @param stagedSize what glance-direct staged (0 for the other methods)
 * @param copies     the data the image has already, best store first (what copy-image copies)
 * @param checksum   the image's MD5 when it has data, which a copy must match
 */
public record ImportWork(String taskId, String imageId, ImportRequest request, String diskFormat,
                         String containerFormat, long stagedSize, Map<String, String> properties,
                         List<DataCopy> copies, String checksum) {

    public ImportMethod method() {
        return request.method();
    }
}
