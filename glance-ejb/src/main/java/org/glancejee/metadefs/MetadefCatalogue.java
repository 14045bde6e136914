package org.glancejee.metadefs;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Loads definition files into the catalogue and exports it to files (Glance's {@code glance-manage db
 * load_metadefs / export_metadefs / unload_metadefs}), and at start fills an empty catalogue with the
 * definitions this service ships ({@code glance.metadefs.load_on_start}). Each file is one transaction: a bad
 * file is reported and the others still load.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetadefCatalogue {
    private static final Logger LOG = Logger.getLogger(MetadefCatalogue.class.getName());
    /** Our own definitions, listed in {@code metadefs/files.txt} (a class path cannot be listed portably). */
    static final String SHIPPED = "metadefs/";

    @Inject
    MetadefLoader loader;

    @Inject
    @ConfigProperty(name = "glance.metadefs.load_on_start")
    boolean loadOnStart;

    @PostConstruct
    void fillIfEmpty() {
        try {
            if (loadOnStart && loader.isEmpty()) {
                LOG.info("Metadata definitions: " + loadShipped(new MetadefLoader.Options(false, false, false)));
            }
        } catch (RuntimeException e) {
            // Another server sharing the database may be filling it at the same moment.
            LOG.log(Level.WARNING, "Could not load the shipped metadata definitions", e);
        }
    }

    /** Loads every {@code .json} file of a directory (or one file) of the server's file system. */
    public Map<String, String> load(Path path, MetadefLoader.Options options) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new IllegalArgumentException("No definition files at " + path);
        }
        Map<String, String> report = new LinkedHashMap<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report.put(file.getFileName().toString(), loadOne(Json.createReader(reader).readObject(), options));
            } catch (IOException | RuntimeException e) {
                report.put(file.getFileName().toString(), failed(file.toString(), e));
            }
        }
        return report;
    }

    /** Loads the definitions this service ships. */
    public Map<String, String> loadShipped(MetadefLoader.Options options) {
        Map<String, String> report = new LinkedHashMap<>();
        for (String name : shippedFiles()) {
            try (InputStream in = resource(SHIPPED + name)) {
                report.put(name, loadOne(Json.createReader(in).readObject(), options));
            } catch (IOException | RuntimeException e) {
                report.put(name, failed(name, e));
            }
        }
        return report;
    }

    /** Writes each namespace to {@code <directory>/<name>.json}; returns the files written. */
    public List<Path> export(Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
            for (Map.Entry<String, JsonObject> file : loader.export().entrySet()) {
                Path target = directory.resolve(fileName(file.getValue()));
                for (int n = 2; written.contains(target); n++) {
                    target = directory.resolve(fileName(file.getValue()).replace(".json", "-" + n + ".json"));
                }
                StringWriter text = new StringWriter();
                pretty.createWriter(text).writeObject(file.getValue());
                Files.writeString(target, text.toString().strip() + "\n", StandardCharsets.UTF_8);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int unload() {
        return loader.unload();
    }

    /**
     * Named after the namespace ({@code OS::Compute::Watchdog} → {@code OS_Compute_Watchdog.json}); Glance names
     * them after display names, and two namespaces with the same display name overwrite each other's file.
     */
    static String fileName(JsonObject namespace) {
        return namespace.getString("namespace").replaceAll("[^A-Za-z0-9.-]+", "_") + ".json";
    }

    private String loadOne(JsonObject json, MetadefLoader.Options options) {
        MetadefFile file = MetadefFile.parse(json);
        return loader.load(file, options).name().toLowerCase(java.util.Locale.ROOT) + " "
                + file.namespace().namespace();
    }

    private static String failed(String file, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        LOG.log(Level.WARNING, "Could not load the definitions of " + file + ": " + cause.getMessage());
        return "failed: " + cause.getMessage();
    }

    static List<String> shippedFiles() {
        try (InputStream in = resource(SHIPPED + "files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MetadefCatalogue.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing resource " + name);
        }
        return in;
    }
}
