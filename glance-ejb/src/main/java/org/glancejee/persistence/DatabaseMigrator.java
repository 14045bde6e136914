package org.glancejee.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.glancejee.config.StorageSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the schema to the newest version before anything else uses the database. The datasource is the
 * application's own, so the same archive runs on Payara Micro and on a full server without server setup,
 * unless {@code glance.db.datasource} names one of the server's ({@link CatalogueDatabase}).
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "${MPCONFIG=glance.db.class}",
        url = "${MPCONFIG=glance.db.url}",
        minPoolSize = DatabaseMigrator.MIN_POOL_SIZE,
        maxPoolSize = DatabaseMigrator.MAX_POOL_SIZE)
@Singleton
@Startup
public class DatabaseMigrator {
    public static final String DATASOURCE = "java:app/jdbc/glance";
    public static final int MIN_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 64;
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Inject
    StorageSettings storage;

    private DataSource dataSource;
    private String product;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        dataSource = CatalogueDatabase.dataSource();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders())
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Glance data directory: " + storage.dataDir() + "; database " + product
                + ", schema version " + flyway.info().current().getVersion() + " (" + applied + " migrations applied now)");
    }

    /** The few column types that differ between H2 and MariaDB. */
    private Map<String, String> placeholders() {
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            String name = product.toLowerCase(Locale.ROOT);
            return placeholders(name.contains("mariadb") || name.contains("mysql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    public static Map<String, String> placeholders(boolean mariadb) {
        return Map.of(
                "timestamp", mariadb ? "DATETIME(6)" : "TIMESTAMP(6)",
                "text", mariadb ? "TEXT" : "CHARACTER VARYING(65535)",
                "text_key_prefix", mariadb ? "(255)" : "",
                "table_options", mariadb ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "");
    }
}
