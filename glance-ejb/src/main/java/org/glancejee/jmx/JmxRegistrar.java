package org.glancejee.jmx;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StoreMonitor;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers the service's MXBeans in the platform MBean server under {@code org.glancejee:type=...} at start
 * and removes them at undeploy, so a redeploy does not collide with the old ones.
 */
@Singleton
@Startup
public class JmxRegistrar {
    private static final Logger LOG = Logger.getLogger(JmxRegistrar.class.getName());
    static final String DOMAIN = "org.glancejee";

    @Inject
    ImageStores stores;

    @Inject
    StoreMonitor monitor;

    private final List<ObjectName> registered = new ArrayList<>();

    @PostConstruct
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ConfiguredStore store : stores.configured()) {
            try {
                ObjectName name = new ObjectName(DOMAIN + ":type=Store,name=" + ObjectName.quote(store.id()));
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(new StoreView(store, monitor), name);
                registered.add(name);
            } catch (JMException e) {
                LOG.log(Level.WARNING, "Could not register the JMX view of store " + store.id(), e);
            }
        }
    }

    @PreDestroy
    void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "Already gone: " + name, e);
            }
        }
    }
}
