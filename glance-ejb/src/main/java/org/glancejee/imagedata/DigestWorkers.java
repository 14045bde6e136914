package org.glancejee.imagedata;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Container-managed threads that compute upload digests beside the request thread. */
@ApplicationScoped
public class DigestWorkers {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ExecutorService executor;

    public synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(threads);
        }
        return executor;
    }

    @PreDestroy
    synchronized void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
