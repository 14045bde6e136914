package org.glancejee.domain;

import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /v2/images/{id}/import}, already checked for shape: the method and its arguments,
 * and the stores asked for.
 *
 * @param uri               web-download's source
 * @param remoteRegion      glance-download's {@code glance_region}
 * @param remoteImageId     glance-download's {@code glance_image_id}
 * @param remoteInterface   glance-download's {@code glance_service_interface} (public by default)
 * @param stores            the stores named in the body or the X-Image-Meta-Store header; empty: the default
 */
public record ImportRequest(ImportMethod method, Optional<String> uri, Optional<String> remoteRegion,
                            Optional<String> remoteImageId, String remoteInterface, List<String> stores,
                            boolean allStores, boolean allStoresMustSucceed) {
    public ImportRequest {
        stores = List.copyOf(stores);
    }

    /** The same request aimed at the stores the server resolved (what a task records as its backends). */
    public ImportRequest withStores(List<String> resolved) {
        return new ImportRequest(method, uri, remoteRegion, remoteImageId, remoteInterface, resolved, allStores,
                allStoresMustSucceed);
    }
}
