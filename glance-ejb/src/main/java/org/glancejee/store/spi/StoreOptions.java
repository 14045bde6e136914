package org.glancejee.store.spi;

import java.util.Map;

/** Reading a driver's options (glance_store's names, as strings) with messages that name the option. */
public final class StoreOptions {
    private static final long MIB = 1 << 20;

    private StoreOptions() {
    }

    /** @throws IllegalArgumentException when the option is missing or blank */
    public static String required(Map<String, String> options, String name, String storeType) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for a " + storeType + " store");
        }
        return value.strip();
    }

    /** An option given in MiB, as bytes. */
    public static long mebibytes(Map<String, String> options, String name, long fallbackMib) {
        String value = options.get(name);
        try {
            long n = value == null ? fallbackMib : Long.parseLong(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n * MIB;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of MiB, not '" + value + "'");
        }
    }
}
