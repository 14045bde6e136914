package org.glancejee.service;

import org.glancejee.store.DataCopy;

import java.util.List;

/**
 * What a download needs once the metadata transaction is over: the size and checksum to announce, the
 * stored copies in the order to try them (internal; never sent to the client), and whether the image cache
 * may serve and keep it (an active image with a checksum to verify the cached copy against), and whose image
 * it is (for the image.send notification).
 */
public record DownloadPlan(String imageId, long size, String checksum, List<DataCopy> sources, boolean cacheable,
                           String owner) {
    public DownloadPlan {
        sources = List.copyOf(sources);
    }
}
