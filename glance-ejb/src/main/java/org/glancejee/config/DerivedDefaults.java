package org.glancejee.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Defaults that depend on other settings, so a plain properties file cannot hold them: the data directory
 * (absolute, under the working directory), the embedded H2 database inside it, and the JDBC datasource
 * class that matches {@code glance.db.url}. Lowest ordinal: anything set elsewhere wins.
 */
public class DerivedDefaults implements ConfigSource {
    static final String DATA_DIR = "glance.data_dir";
    static final String DB_URL = "glance.db.url";
    static final String DB_CLASS = "glance.db.class";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DATA_DIR, DB_URL, DB_CLASS);
    }

    @Override
    public String getValue(String key) {
        return switch (key) {
            case DATA_DIR -> dataDir();
            case DB_URL -> h2Url(dataDir());
            case DB_CLASS -> datasourceClass(explicit(DB_URL));
            default -> null;
        };
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(DATA_DIR, getValue(DATA_DIR), DB_URL, getValue(DB_URL), DB_CLASS, getValue(DB_CLASS));
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    @Override
    public String getName() {
        return "glance-derived-defaults";
    }

    static String dataDir() {
        String configured = explicit(DATA_DIR);
        String dir = configured == null ? "glance-data" : configured;
        return Path.of(dir).toAbsolutePath().normalize().toString();
    }

    /**
     * WRITE_DELAY=0: H2 otherwise writes commits to its file up to half a second later (longer on a busy
     * machine), so a killed server lost transactions it had already answered for: an upload the client got
     * 204 for was back in saving, a created image gone. With 0 every commit is in the file before the
     * response; a process kill loses nothing (a power cut can still lose what the OS had not written).
     */
    static String h2Url(String dataDir) {
        return "jdbc:h2:file:" + dataDir + "/db/glance;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    static String datasourceClass(String url) {
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
            return "org.mariadb.jdbc.MariaDbDataSource";
        }
        return "org.h2.jdbcx.JdbcDataSource";
    }

    /** A value set by system property or environment, the two sources that outrank this one. */
    private static String explicit(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
