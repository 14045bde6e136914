package org.glancejee.persistence;

import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * Named in persistence.xml: puts the JPA provider's connections through {@link CatalogueDatabase}, so they are
 * counted, and, when {@code glance.db.datasource} is set, taken from the server's data source instead of the
 * built-in one the persistence unit names.
 */
// The older config.SessionCustomizer, because Payara Server's EclipseLink (4.0.1) has no sessions.SessionCustomizer;
// newer EclipseLink keeps it as a sub-interface of that one, so WildFly and Payara Micro accept it too.
@SuppressWarnings("deprecation")
public class ConnectionMetering implements org.eclipse.persistence.config.SessionCustomizer {

    @Override
    public void customize(Session session) throws Exception {
        meter(session.getDatasourceLogin());
        if (session instanceof ServerSession server && server.getReadConnectionPool() != null) {
            meter(server.getReadConnectionPool().getLogin());
        }
    }

    private static void meter(org.eclipse.persistence.sessions.Login login) throws Exception {
        if (login instanceof DatasourceLogin datasourceLogin
                && datasourceLogin.getConnector() instanceof JNDIConnector connector) {
            connector.setDataSource(CatalogueDatabase.serverDefined()
                    ? CatalogueDatabase.dataSource()
                    : MeteredDataSource.of(builtIn(connector), ConnectionUse.APPLICATION));
        }
    }

    /** The persistence unit's own data source: handed over by the container, or looked up by its name. */
    private static DataSource builtIn(JNDIConnector connector) throws Exception {
        return connector.getDataSource() != null
                ? connector.getDataSource()
                : (DataSource) new InitialContext().lookup(connector.getName());
    }
}
