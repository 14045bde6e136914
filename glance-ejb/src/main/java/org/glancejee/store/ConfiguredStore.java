package org.glancejee.store;

import org.glancejee.store.spi.ImageStore;

import java.util.Optional;

/**
 * A store as the operator configured it: its driver when it could be set up, or why it could not.
 *
 * @param weight orders the locations a download tries (higher first), as glance_store's {@code weight}
 */
public record ConfiguredStore(String id, String type, Optional<String> description, int weight,
                              boolean isDefault, Optional<ImageStore> driver, Optional<String> failure) {

    /** The http store only serves data that lives elsewhere. */
    public boolean readOnly() {
        return "http".equals(type);
    }
}
