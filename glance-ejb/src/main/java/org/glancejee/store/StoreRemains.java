package org.glancejee.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.glancejee.domain.ImageLocation;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a crash: removes from the stores what the writes it cut off left there (partial files, segments,
 * unfinished multipart uploads) in the object stores; file stores are cleaned at start by
 * {@code UploadRecovery}. Which stores to clean is decided at once, in the caller's transaction: every object
 * store that takes data, but not one holding a location of the image (its data there is real). The cleaning
 * itself runs in the background, as an object store may be slow or down and the server need not wait.
 */
@ApplicationScoped
public class StoreRemains {
    private static final Logger LOG = Logger.getLogger(StoreRemains.class.getName());

    @PersistenceContext(unitName = "glance")
    EntityManager em;

    @Inject
    ImageStores stores;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    public void removeLater(Collection<String> imageIds) {
        Map<String, Set<String>> work = new LinkedHashMap<>();
        for (String imageId : imageIds) {
            Set<String> targets = new HashSet<>(objectStores());
            targets.removeAll(storesHolding(imageId));
            if (!targets.isEmpty()) {
                work.put(imageId, targets);
            }
        }
        if (!work.isEmpty()) {
            executor.execute(() -> removeNow(work));
        }
    }

    private List<String> objectStores() {
        return stores.writableIds().stream().filter(id -> stores.configured(id)
                .map(s -> !s.type().equals("file")).orElse(false)).toList();
    }

    private List<String> storesHolding(String imageId) {
        return em.createQuery("SELECT l.store FROM ImageLocation l WHERE l.imageId = :image"
                        + " AND (l.deleted = FALSE OR l.status IN :waiting)", String.class)
                .setParameter("image", imageId)
                .setParameter("waiting", ImageLocation.AWAITING_SCRUBBER).getResultList();
    }

    private void removeNow(Map<String, Set<String>> work) {
        work.forEach((imageId, storeIds) -> {
            for (String storeId : storeIds) {
                try {
                    stores.driver(storeId).removeRemainsOf(imageId);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not remove what an interrupted write of image " + imageId
                            + " left in store '" + storeId + "'", e);
                }
            }
        });
        LOG.info("Removed what interrupted writes left in the stores for " + work.size() + " images");
    }
}
