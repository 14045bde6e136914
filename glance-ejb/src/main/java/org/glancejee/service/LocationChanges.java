package org.glancejee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ApiSettings;
import org.glancejee.config.ImportFilteringSettings;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.ImageRepository;
import org.glancejee.domain.ImageStatus;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.StoreUnavailableException;
import org.glancejee.domain.ValidationData;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Glance's deprecated location changes through PATCH ({@code add /locations/<n|->}, {@code remove
 * /locations/<n>}, {@code replace /locations}), allowed only with {@code show_multiple_locations}. A location
 * must point into a configured store (an http(s) URL into the http store, and then past the import
 * filtering); adding one to a queued image makes it active with the size the store reports.
 */
@ApplicationScoped
public class LocationChanges {

    @Inject
    ImageRepository images;

    @Inject
    ImageStores stores;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ApiSettings settings;

    @Inject
    StorageSettings storage;

    @Inject
    ImportFilteringSettings filtering;

    @Inject
    DataRemoval dataRemoval;

    /** What a caller asked to register: a URL, its metadata and the digests it vouches for. */
    record NewLocation(String url, ConfiguredStore store, ValidationData validation) {
    }

    public void apply(RequestContext caller, Image image, PatchOperation op, Instant now) {
        String verb = switch (op.op()) {
            case ADD -> "add";
            case REMOVE -> "remove";
            case REPLACE -> "update";
        };
        if (!settings.showMultipleLocations()) {
            throw new ForbiddenException("It's not allowed to " + verb + " locations if locations are invisible.");
        }
        switch (op.op()) {
            case ADD -> add(caller, image, op.position(), op.value(), now);
            case REMOVE -> remove(caller, image, op.position(), now);
            case REPLACE -> replace(caller, image, op.value(), now);
        }
    }

    private void add(RequestContext caller, Image image, String position, Object value, Instant now) {
        authorization.enforce("set_image_location", caller, image);
        requireStatus(image, "add", ImageStatus.ACTIVE, ImageStatus.QUEUED);
        List<ImageLocation> current = images.activeLocations(image.id());
        if (!validPosition(position, current.size(), true)) {
            throw new InvalidInputException("Invalid position for adding a location.");
        }
        NewLocation location = parse(value);
        if (current.stream().anyMatch(l -> l.url().equals(location.url()))) {
            throw new InvalidInputException("The location " + location.url() + " already exists");
        }
        checkQuota(current.size() + 1);
        ValidationData digests = location.validation().against(image, hashingAlgorithm());
        register(image, location, now);
        if (image.status() == ImageStatus.QUEUED) {
            image.activateWithRegisteredData(sizeOf(location.store(), location.url()), digests.md5(), digests.hashAlgorithm(),
                    digests.hashValue(), now);
        } else {
            image.touch(now);
        }
    }

    private void remove(RequestContext caller, Image image, String position, Instant now) {
        authorization.enforce("delete_image_location", caller, image);
        requireStatus(image, "remove", ImageStatus.ACTIVE);
        List<ImageLocation> current = images.activeLocations(image.id());
        if (current.size() == 1) {
            throw new ForbiddenException("Cannot remove last location in the image.");
        }
        if (!validPosition(position, current.size(), false)) {
            throw new InvalidInputException("Invalid position for removing a location.");
        }
        ImageLocation removed = current.get(position.equals("-") ? current.size() - 1 : Integer.parseInt(position));
        removed.markDeleted(now);
        image.touch(now);
        dataRemoval.afterCommit(List.of(removed));
    }

    /**
     * The image's locations become exactly the list given. Locations left out are forgotten, their data is
     * kept: the caller may have moved it elsewhere, and only a location added here is ours to delete.
     */
    private void replace(RequestContext caller, Image image, Object value, Instant now) {
        authorization.enforce("set_image_location", caller, image);
        requireStatus(image, "replace", ImageStatus.ACTIVE, ImageStatus.QUEUED);
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("Invalid locations: " + value);
        }
        List<ImageLocation> current = images.activeLocations(image.id());
        if (list.isEmpty()) {
            if (current.isEmpty()) {
                return;
            }
            throw new ForbiddenException("Cannot set locations to empty list.");
        }
        checkQuota(list.size());
        List<NewLocation> wanted = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        ValidationData digests = ValidationData.NONE;
        for (Object item : list) {
            NewLocation location = parse(item);
            if (!urls.add(location.url())) {
                throw new InvalidInputException("The location " + location.url() + " already exists");
            }
            digests = digests.merge(location.validation());
            wanted.add(location);
        }
        digests = digests.against(image, hashingAlgorithm());
        for (ImageLocation old : current) {
            if (!urls.contains(old.url())) {
                old.markDeleted(now);
            }
        }
        Set<String> kept = new HashSet<>();
        current.stream().filter(l -> urls.contains(l.url())).forEach(l -> kept.add(l.url()));
        for (NewLocation location : wanted) {
            if (!kept.contains(location.url())) {
                register(image, location, now);
            }
        }
        if (image.status() == ImageStatus.QUEUED) {
            image.activateWithRegisteredData(sizeOf(wanted.get(0).store(), wanted.get(0).url()), digests.md5(), digests.hashAlgorithm(),
                    digests.hashValue(), now);
        } else {
            image.touch(now);
        }
    }

    private void register(Image image, NewLocation location, Instant now) {
        images.addLocation(ImageLocation.active(image.id(), location.store().id(), location.url(), now));
    }

    /** {@code {"url": …, "metadata": {…}, "validation_data": {…}}}, pointing into a configured store. */
    NewLocation parse(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("url") instanceof String url)
                || !(map.get("metadata") instanceof Map<?, ?>)) {
            throw new InvalidInputException("Invalid location: a location is {\"url\": <string>, \"metadata\":"
                    + " <object>}");
        }
        ConfiguredStore store = storeOf(url);
        Object validation = map.get("validation_data");
        if (validation != null && !(validation instanceof Map<?, ?>)) {
            throw new InvalidInputException("Invalid validation_data: " + validation);
        }
        return new NewLocation(url, store, ValidationData.of((Map<?, ?>) validation));
    }

    /** The configured store a URL points into; http(s) URLs must also pass the import filtering. */
    public ConfiguredStore storeOf(String url) {
        if (hasCredentials(url)) {
            // Glance takes them and shows them back to every reader of the image; we keep none.
            throw new InvalidInputException("A location URL cannot carry credentials: the store's configuration"
                    + " holds them.");
        }
        ConfiguredStore store = stores.owning(url).orElseThrow(() ->
                new InvalidInputException("The Store URI was malformed: " + url));
        if (store.readOnly() && filtering.uriPolicy().check(url).isEmpty()) {
            throw new InvalidInputException("URI for add location does not pass filtering: " + url);
        }
        return store;
    }

    private static boolean hasCredentials(String url) {
        try {
            return new java.net.URI(url).getRawUserInfo() != null;
        } catch (java.net.URISyntaxException e) {
            return url.contains("@");
        }
    }

    /** The size of the data at a location, as its store reports it. */
    public long sizeOf(ConfiguredStore store, String url) {
        try {
            return store.driver().orElseThrow().size(url);
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("The data at the location cannot be reached: its size is unknown.");
        }
    }

    private void checkQuota(int attempted) {
        int maximum = settings.imageLocationQuota();
        if (maximum >= 0 && attempted > maximum) {
            throw new LimitExceededException("The limit has been exceeded on the number of allowed image locations."
                    + " Attempted: " + attempted + ", Maximum: " + maximum);
        }
    }

    private String hashingAlgorithm() {
        return storage.hashingAlgorithm().toLowerCase(Locale.ROOT);
    }

    private static void requireStatus(Image image, String verb, ImageStatus... allowed) {
        for (ImageStatus status : allowed) {
            if (image.status() == status) {
                return;
            }
        }
        throw new ConflictException("It's not allowed to " + verb + " locations if image status is "
                + image.status().apiName() + ".");
    }

    private static boolean validPosition(String position, int size, boolean allowEnd) {
        if (position == null) {
            return false;
        }
        if (position.equals("-")) {
            return allowEnd || size > 0;
        }
        if (!position.matches("\\d{1,9}")) {
            return false;
        }
        int n = Integer.parseInt(position);
        return allowEnd ? n <= size : n < size;
    }
}
