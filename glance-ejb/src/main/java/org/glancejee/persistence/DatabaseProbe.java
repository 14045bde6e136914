package org.glancejee.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Whether the catalogue database answers a trivial query now, for the readiness check. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {
    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    private DataSource dataSource;

    @PostConstruct
    void lookUp() {
        dataSource = CatalogueDatabase.dataSource();
    }

    /** The database's product name and version as its driver reports them, e.g. "MariaDB 11.4.5-MariaDB". */
    public String product() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "";
        }
    }

    public boolean answers() {
        try {
            return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the database does not answer: " + e.getMessage());
            return false;
        }
    }
}
