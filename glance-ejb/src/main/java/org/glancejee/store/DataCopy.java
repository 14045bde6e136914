package org.glancejee.store;

/** One stored copy of an image's data: the store and the driver's location in it (never shown to users). */
public record DataCopy(String storeId, String location) {
}
