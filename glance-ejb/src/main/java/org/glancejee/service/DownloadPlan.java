package org.glancejee.service;

import org.glancejee.store.DataCopy;

import java.util.List;

/**
 * What a download needs once the metadata transaction is over: the size and checksum to announce, and
 * the stored copies in the order to try them (internal; never sent to the client).
 */
public record DownloadPlan(String imageId, long size, String checksum, List<DataCopy> sources) {
    public DownloadPlan {
        sources = List.copyOf(sources);
    }
}
