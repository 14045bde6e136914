package org.glancejee.store.spi;

/** Where {@link ImageStore#add} put the data, and how many bytes it wrote. */
public record StoredData(String location, long size) {
}
