package org.glancejee.persistence;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where the catalogue lives: the application's built-in data source (built from {@code glance.db.url}), or,
 * when {@code glance.db.datasource} names one, a data source the application server defines (a Payara Server
 * JDBC resource such as {@code jdbc/glance}, whose pool the administrator sizes and watches). Everything that
 * takes connections goes through here, metered into {@link ConnectionUse#APPLICATION}.
 */
public final class CatalogueDatabase {
    public static final String SERVER_DATASOURCE = "glance.db.datasource";

    private CatalogueDatabase() {
    }

    /** The JNDI name of the data source in use. */
    public static String jndiName() {
        return ConfigProvider.getConfig(CatalogueDatabase.class.getClassLoader())
                .getOptionalValue(SERVER_DATASOURCE, String.class)
                .map(String::strip).filter(name -> !name.isEmpty())
                .orElse(DatabaseMigrator.DATASOURCE);
    }

    /** Whether the pool is the server's (its bounds are then the server's configuration, not ours). */
    public static boolean serverDefined() {
        return !jndiName().equals(DatabaseMigrator.DATASOURCE);
    }

    /** The data source in use, metered; looked up from a component of this application. */
    public static DataSource dataSource() {
        String name = jndiName();
        try {
            return MeteredDataSource.of((DataSource) new InitialContext().lookup(name), ConnectionUse.APPLICATION);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source at " + name + " (" + SERVER_DATASOURCE + ")", e);
        }
    }
}
