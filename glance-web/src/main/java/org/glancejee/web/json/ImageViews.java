package org.glancejee.web.json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImageLocation;
import org.glancejee.domain.RequestContext;
import org.glancejee.service.LocationService;
import org.glancejee.service.PropertyProtectionRules;
import org.glancejee.store.ImageStores;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Images as a caller sees them: {@link ImageJson} plus what depends on where the data is kept, which is
 * read only when the operator shows it: {@code stores} (several stores), {@code direct_url}
 * ({@code show_image_direct_url}) and {@code locations} ({@code show_multiple_locations}).
 */
@ApplicationScoped
public class ImageViews {

    @Inject
    PropertyProtectionRules protections;

    @Inject
    LocationService locations;

    @Inject
    ImageStores stores;

    @Inject
    ApiSettings settings;

    public JsonObject one(RequestContext caller, Image image) {
        return views(caller, List.of(image)).getJsonObject(0);
    }

    public JsonArray many(RequestContext caller, List<Image> images) {
        return views(caller, images);
    }

    private JsonArray views(RequestContext caller, List<Image> images) {
        Predicate<String> readable = protections.protections().readableBy(caller);
        boolean showStores = stores.multiStore();
        boolean anyLocations = showStores || settings.showImageDirectUrl() || settings.showMultipleLocations();
        Map<String, List<ImageLocation>> byImage = anyLocations
                ? locations.of(images.stream().map(Image::id).toList()) : Map.of();
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (Image image : images) {
            JsonObject base = ImageJson.view(image, readable);
            if (!anyLocations) {
                array.add(base);
                continue;
            }
            List<ImageLocation> held = byImage.getOrDefault(image.id(), List.of());
            JsonObjectBuilder view = Jsons.PROVIDER.createObjectBuilder(base);
            if (settings.showMultipleLocations()) {
                JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
                held.forEach(l -> list.add(location(l)));
                view.add("locations", list);
            }
            if (settings.showImageDirectUrl() && !held.isEmpty()) {
                view.add("direct_url", held.stream()
                        .min(Comparator.comparing(ImageLocation::store, stores.byWeight())).get().url());
            }
            if (showStores && !held.isEmpty()) {
                view.add("stores", String.join(",", held.stream().map(ImageLocation::store).toList()));
            }
            array.add(view);
        }
        return array.build();
    }

    /** A location as Glance shows it: its URL, and the store in its metadata when there are several. */
    public JsonObject location(ImageLocation l) {
        JsonObjectBuilder metadata = Jsons.PROVIDER.createObjectBuilder();
        if (stores.multiStore()) {
            metadata.add("store", l.store());
        }
        return Jsons.PROVIDER.createObjectBuilder().add("url", l.url()).add("metadata", metadata).build();
    }
}
