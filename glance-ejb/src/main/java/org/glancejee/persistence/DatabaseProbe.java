package org.glancejee.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Whether the catalogue database answers a trivial query now, for the readiness check. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {
    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

    @PersistenceContext(unitName = "glance")
    private EntityManager em;

    public boolean answers() {
        try {
            return ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).intValue() == 1;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the database does not answer: " + e.getMessage());
            return false;
        }
    }
}
