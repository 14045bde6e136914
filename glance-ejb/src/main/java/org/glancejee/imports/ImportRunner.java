package org.glancejee.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.domain.RequestContext;
import org.glancejee.logging.LogContext;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs import tasks on the container's managed executor, so imports never hold request threads. */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    ImportJob job;

    @Inject
    ImportTransactions transactions;

    /** @param token the caller's Keystone token, if any: glance-download shows it to the other region */
    public void submit(RequestContext caller, String taskId, Optional<String> token) {
        submit(taskId, () -> job.run(caller, taskId, token));
    }

    /** Runs a task's work in the background; a task the executor refuses fails at once. */
    public void submit(String taskId, Runnable work) {
        try {
            executor.execute(LogContext.carried(work));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Import task " + taskId + " could not be started", e);
            transactions.failImport(taskId, "The server could not start the import; try again later.");
        }
    }
}
