package org.glancejee.service;

/**
 * What a download needs once the metadata transaction is over: the size and checksum to announce, and
 * where the bytes are (internal; never sent to the client).
 */
public record DownloadPlan(String imageId, long size, String checksum, String storeId, String location) {
}
