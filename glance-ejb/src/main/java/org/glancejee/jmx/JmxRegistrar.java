package org.glancejee.jmx;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.glancejee.cache.ImageCache;
import org.glancejee.jobs.JobScheduler;
import org.glancejee.jobs.Scrubber;
import org.glancejee.metadefs.MetadefCatalogue;
import org.glancejee.metrics.RequestMetrics;
import org.glancejee.persistence.ConnectionUse;
import org.glancejee.persistence.DatabaseProbe;
import org.glancejee.replication.Replicator;
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
@DependsOn({"JobScheduler", "StoreMonitor"})
public class JmxRegistrar {
    private static final Logger LOG = Logger.getLogger(JmxRegistrar.class.getName());
    static final String DOMAIN = "org.glancejee";

    @Inject
    ImageStores stores;

    @Inject
    StoreMonitor monitor;

    @Inject
    JobScheduler jobs;

    @Inject
    Scrubber scrubber;

    @Inject
    Replicator replicator;

    @Inject
    MetadefCatalogue metadefs;

    @Inject
    ImageCache cache;

    @Inject
    RequestMetrics requests;

    @Inject
    DatabaseProbe database;

    private final List<ObjectName> registered = new ArrayList<>();

    @PostConstruct
    void register() {
        for (ConfiguredStore store : stores.configured()) {
            register("type=Store,name=" + ObjectName.quote(store.id()), new StoreView(store, monitor, stores));
        }
        for (String job : jobs.records().keySet()) {
            register("type=Job,name=" + ObjectName.quote(job), new JobView(job, jobs));
        }
        register("type=Requests", new RequestsView(requests));
        register("type=Cache", new CacheView(cache));
        register("type=Database", new DatabaseView(database, ConnectionUse.APPLICATION));
        register("type=Scrubber", new ScrubberView(scrubber));
        register("type=Metadefs", new MetadefsView(metadefs));
        if (!replicator.targets().isEmpty()) {
            register("type=Replicator", new ReplicatorView(replicator));
        }
    }

    private void register(String keys, Object view) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(DOMAIN + ":" + keys);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(view, name);
            registered.add(name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Could not register the MXBean " + keys, e);
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
