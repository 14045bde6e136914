package org.glancejee.service;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.glancejee.cache.CachedImage;
import org.glancejee.cache.ImageCache;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.NotFoundException;
import org.glancejee.domain.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cache API of this server ({@code /v2/cache}): what is cached and queued, queueing an image (fetched at
 * once in the background), removing, clearing, cleaning and pruning. As in Glance, the policy is checked
 * first and a server without a cache answers 404.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheService {
    private static final Logger LOG = Logger.getLogger("org.glancejee.cache");

    @Inject
    ImageCache cache;

    @Inject
    ImageAuthorization authorization;

    @Inject
    VisibleImages visibleImages;

    @Inject
    ImageDataTransactions transactions;

    @Inject
    ImageDataService data;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** The cached images (least recently used first) and the queued ones (oldest first). */
    public record CacheState(List<CachedImage> cached, List<String> queued) {
    }

    /** What {@code DELETE /v2/cache} removed; a count is empty when its part was not a target. */
    public record Cleared(Optional<Integer> cached, Optional<Integer> queued) {
    }

    public CacheState state(RequestContext caller) {
        authorization.enforceForProject("cache_list", caller);
        requireCache();
        return new CacheState(cache.cached(), cache.queued());
    }

    /** Queues an active image and starts fetching it into the cache. */
    public void queue(RequestContext caller, String imageId) {
        Image image = visibleImages.find(caller, imageId)
                .orElseThrow(() -> new NotFoundException("Image " + imageId + " not found."));
        authorization.enforce("cache_image", caller, image);
        requireCache();
        if (image.status() != ImageStatus.ACTIVE) {
            throw new InvalidInputException("Only images with status active can be targeted for queueing");
        }
        cache.queue(imageId);
        executor.submit(() -> prefetch(imageId));
    }

    /** Removes an image from the cache and the queue; one that is gone may still be removed from both. */
    public void remove(RequestContext caller, String imageId) {
        Optional<Image> image = visibleImages.find(caller, imageId);
        if (image.isPresent()) {
            authorization.enforce("cache_delete", caller, image.get());
        } else {
            authorization.enforceForProject("cache_delete", caller);
        }
        requireCache();
        if (image.isEmpty() && !cache.holds(imageId)) {
            throw new NotFoundException("Image " + imageId + " not found.");
        }
        cache.remove(imageId);
    }

    /** Clears the cache, the queue or both: {@code x-image-cache-clear-target} is cache, queue or empty. */
    public Cleared clear(RequestContext caller, String target) {
        authorization.enforceForProject("cache_delete", caller);
        requireCache();
        String which = target == null ? "" : target.strip().toLowerCase(Locale.ROOT);
        return switch (which) {
            case "" -> new Cleared(Optional.of(cache.clearCached()), Optional.of(cache.clearQueue()));
            case "cache" -> new Cleared(Optional.of(cache.clearCached()), Optional.empty());
            case "queue" -> new Cleared(Optional.empty(), Optional.of(cache.clearQueue()));
            default -> throw new InvalidInputException(
                    "If provided 'x-image-cache-clear-target' must be 'cache', 'queue' or empty string.");
        };
    }

    public int clean(RequestContext caller) {
        authorization.enforceForProject("cache_clean", caller);
        requireCache();
        return cache.clean();
    }

    public ImageCache.Pruned prune(RequestContext caller) {
        authorization.enforceForProject("cache_prune", caller);
        requireCache();
        return cache.prune();
    }

    /**
     * Fetches a queued image into the cache by reading it through, as a download would. An image that is no
     * longer active leaves the queue; one whose store fails stays queued for the next try.
     *
     * @return whether the image is cached now
     */
    public boolean prefetch(String imageId) {
        if (cache.isCached(imageId)) {
            cache.dequeue(imageId);
            return true;
        }
        Optional<DownloadPlan> plan = transactions.planActive(imageId);
        if (plan.isEmpty() || !plan.get().cacheable()) {
            LOG.info("Image " + imageId + " is not active with data any more; removed from the cache queue");
            cache.dequeue(imageId);
            return false;
        }
        try (InputStream in = data.open(plan.get(), Optional.empty())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not fetch image " + imageId + " into the cache; it stays queued", e);
            return false;
        }
        return cache.isCached(imageId);
    }

    private void requireCache() {
        if (!cache.enabled()) {
            throw new NotFoundException("Caching via API is not supported at this site.");
        }
    }
}
