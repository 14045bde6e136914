package org.glancejee.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.config.StorageSettings;
import org.glancejee.domain.ForbiddenException;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.RequestContext;
import org.glancejee.domain.ValidationData;
import org.glancejee.imagedata.DigestWorkers;
import org.glancejee.imagedata.ParallelDigests;
import org.glancejee.service.LocationChanges;
import org.glancejee.service.StoreWriter;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.DataCopy;
import org.glancejee.store.ImageStores;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v2/images/{id}/locations} (API 2.17): registers data kept elsewhere for a queued image. With
 * {@code do_secure_hash} (the default) the image stays importing while a task reads the data through to
 * measure its size and digests, and checks them against the {@code validation_data} given; without, the
 * image turns active at once with the digests the caller vouched for.
 */
@ApplicationScoped
public class LocationImport {
    private static final Logger LOG = Logger.getLogger(LocationImport.class.getName());
    private static final Map<String, Integer> ALGORITHMS = Map.of("md5", 16, "sha1", 20, "sha256", 32, "sha512", 64);

    @Inject
    LocationTransactions transactions;

    @Inject
    LocationChanges locations;

    @Inject
    ImageStores stores;

    @Inject
    ImportRunner runner;

    @Inject
    StorageSettings storage;

    @Inject
    DigestWorkers workers;

    @Inject
    @ConfigProperty(name = "glance.do_secure_hash", defaultValue = "true")
    boolean doSecureHash;

    public void add(RequestContext caller, String imageId, JsonObject body) {
        if (!(body.get("url") instanceof JsonString url)) {
            throw new InvalidInputException("Invalid location: 'url' is required");
        }
        Optional<Digest> expected = validationData(body.get("validation_data"));
        ConfiguredStore store = locations.storeOf(url.getString());
        if (!caller.roles().contains("service") && !store.readOnly()) {
            throw new ForbiddenException("Only the service role may add locations other than http(s) URLs of the"
                    + " http store");
        }
        Optional<ValidationData> activateNow = Optional.empty();
        long size = 0;
        if (!doSecureHash) {
            size = locations.sizeOf(store, url.getString());
            activateNow = Optional.of(expected.map(d -> new ValidationData(null, d.algorithm(), d.value()))
                    .orElse(ValidationData.NONE));
        }
        String taskId = transactions.begin(caller, imageId, store.id(), url.getString(),
                taskInput(imageId, url.getString(), body.get("validation_data")), activateNow, size,
                storage.nodeName());
        if (doSecureHash) {
            runner.submit(taskId, () -> hash(taskId, expected));
        }
    }

    /** An algorithm and the hex digest the caller expects for it. */
    record Digest(String algorithm, String value) {
    }

    private static Optional<Digest> validationData(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject json)) {
            throw new InvalidInputException("Invalid validation_data: it must be an object");
        }
        String algorithm = json.get("os_hash_algo") instanceof JsonString s ? s.getString() : null;
        String hex = json.get("os_hash_value") instanceof JsonString s ? s.getString() : null;
        if (algorithm == null && hex == null) {
            return Optional.empty();
        }
        if (algorithm == null || hex == null) {
            throw new InvalidInputException("os_hash_algo and os_hash_value must be given together");
        }
        Integer bytes = ALGORITHMS.get(algorithm.toLowerCase(Locale.ROOT));
        if (bytes == null) {
            throw new InvalidInputException("os_hash_algo must be one of " + new java.util.TreeSet<>(ALGORITHMS.keySet()));
        }
        byte[] parsed;
        try {
            parsed = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("os_hash_value (" + hex + ") is not a valid hexadecimal value");
        }
        if (parsed.length != bytes) {
            throw new InvalidInputException("os_hash_value: " + hex.length() + " characters is not the size of a "
                    + algorithm + " digest (" + 2 * bytes + ")");
        }
        return Optional.of(new Digest(algorithm.toLowerCase(Locale.ROOT), hex.toLowerCase(Locale.ROOT)));
    }

    /** Reads the registered data through once, measuring it, and completes or fails the task. */
    void hash(String taskId, Optional<Digest> expected) {
        try {
            DataCopy copy = transactions.start(taskId);
            String algorithm = storage.hashingAlgorithm();
            List<String> algorithms = new ArrayList<>(List.of("MD5", StoreWriter.jcaName(algorithm)));
            expected.ifPresent(d -> algorithms.add(StoreWriter.jcaName(d.algorithm())));
            List<String> hex;
            long size;
            try (InputStream in = stores.driver(copy.storeId()).open(copy.location(), 0, -1)) {
                ParallelDigests digests = new ParallelDigests(in, workers.executor(), algorithms.toArray(String[]::new));
                try {
                    digests.transferTo(OutputStream.nullOutputStream());
                    hex = digests.finish();
                } catch (RuntimeException | java.io.IOException e) {
                    digests.abandon();
                    throw e;
                }
                size = digests.count();
            }
            if (expected.isPresent() && !expected.get().value().equals(hex.get(2))) {
                transactions.fail(taskId, "Image hash verification failed: the data's " + expected.get().algorithm()
                        + " digest is not the os_hash_value given");
                return;
            }
            transactions.complete(taskId, size, new ValidationData(hex.get(0), algorithm, hex.get(1)));
        } catch (GlanceException e) {
            transactions.fail(taskId, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Location import task " + taskId + " failed", e);
            transactions.fail(taskId, "The data at the location could not be read.");
        }
    }

    private static String taskInput(String imageId, String url, JsonValue validation) {
        JsonObjectBuilder input = Json.createObjectBuilder().add("image_id", imageId).add("loc_url", url);
        input.add("validation_data", validation == null ? JsonValue.EMPTY_JSON_OBJECT : validation);
        return input.build().toString();
    }
}
