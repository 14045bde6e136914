package org.glancejee.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;
import org.glancejee.store.ImageStores;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where images' data is kept: reading locations for the API's views, and removing one store's copy. */
@Stateless
public class LocationService {

    @Inject
    ImageRepository images;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ImageStores stores;

    @Inject
    DataRemoval dataRemoval;

    private final Clock clock = Clock.systemUTC();

    /** The active locations of images the caller has already been shown, by image id, oldest first. */
    public Map<String, List<ImageLocation>> of(Collection<String> imageIds) {
        return images.activeLocations(imageIds).stream()
                .collect(Collectors.groupingBy(ImageLocation::imageId, LinkedHashMap::new, Collectors.toList()));
    }

    /** {@code GET /v2/images/{id}/locations}: an image's locations, for services (fetch_image_location). */
    public List<ImageLocation> list(RequestContext caller, String imageId) {
        Image image = visibleImages.require(caller, imageId);
        authorization.enforce("fetch_image_location", caller, image);
        return images.activeLocations(imageId);
    }

    /**
     * {@code DELETE /v2/stores/{store}/{image}}: removes one store's copy of an active image's data, which must
     * not be its only copy. The bytes go once the change has committed.
     */
    public void deleteFromStore(RequestContext caller, String storeId, String imageId) {
        if (!stores.multiStore()) {
            throw new NotFoundException("Not found");
        }
        if (stores.configured(storeId).isEmpty()) {
            throw new ConflictException("The selected store " + storeId + " is not available on this node.");
        }
        Image image = visibleImages.require(caller, imageId);
        authorization.enforce("get_image_location", caller, image);
        authorization.enforce("delete_image_location", caller, image);
        if (image.status() != ImageStatus.ACTIVE) {
            throw new ConflictException("It's not allowed to remove image data from store if image status is not"
                    + " 'active'");
        }
        List<ImageLocation> locations = images.activeLocations(imageId);
        if (locations.size() == 1) {
            throw new ForbiddenException("Cannot delete image data from the only store containing it. Consider"
                    + " deleting the image instead.");
        }
        List<ImageLocation> inStore = locations.stream().filter(l -> storeId.equals(l.store())).toList();
        if (inStore.isEmpty()) {
            throw new NotFoundException("Image " + imageId + " is not stored in store " + storeId + ".");
        }
        if (inStore.size() == locations.size()) {
            throw new ForbiddenException("Cannot delete image data from the only store containing it. Consider"
                    + " deleting the image instead.");
        }
        inStore.forEach(l -> l.markDeleted(clock.instant()));
        image.touch(clock.instant());
        dataRemoval.afterCommit(inStore);
    }
}
