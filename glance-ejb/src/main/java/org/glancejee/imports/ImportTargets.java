package org.glancejee.imports;

import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ImportRequest;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;

import java.util.List;
import java.util.Optional;

/**
 * Which stores an import writes to, from the body's {@code stores} / {@code all_stores} or the
 * X-Image-Meta-Store header, checked as Glance's {@code get_stores_from_request}. Without several stores
 * the answer is empty: the one store.
 */
final class ImportTargets {
    private ImportTargets() {
    }

    static List<String> resolve(ImportRequest request, boolean storesInBody, Optional<String> header,
                                ImageStores stores) {
        if (!stores.multiStore()) {
            if (!request.allStoresMustSucceed()) {
                throw new InvalidInputException("All_stores_must_succeed can only be set with enabled_backends");
            }
            return List.of();
        }
        List<String> targets;
        if (request.allStores()) {
            if (storesInBody || header.isPresent()) {
                throw new InvalidInputException("All_stores parameter can't be used with x-image-meta-store header"
                        + " or stores parameter");
            }
            targets = stores.writableIds();
        } else if (storesInBody) {
            if (header.isPresent()) {
                throw new InvalidInputException("Stores parameter and x-image-meta-store header can't be both"
                        + " specified");
            }
            targets = request.stores().stream().distinct().toList();
            if (targets.isEmpty()) {
                throw new InvalidInputException("Invalid stores: the list names no store");
            }
        } else {
            targets = List.of(header.map(String::strip).orElse(stores.defaultId()));
        }
        for (String id : targets) {
            ConfiguredStore store = stores.configured(id).orElseThrow(() ->
                    new ConflictException("Store for identifier " + id + " not found"));
            // Glance accepts this and fails the task later; refusing at once tells the caller why.
            if (store.readOnly()) {
                throw new ConflictException("Store " + id + " is read-only: images cannot be imported to it");
            }
        }
        return targets;
    }
}
