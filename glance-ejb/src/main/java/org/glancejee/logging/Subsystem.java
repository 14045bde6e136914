package org.glancejee.logging;

import java.util.List;

/** The parts of the service that get a log of their own under {@code log_dir}, and the loggers each covers. */
public enum Subsystem {
    /** Everything the others do not cover: the API and the services behind it. */
    API("api", List.of("org.glancejee")),
    // classes' loggers, and the scheduler's logger of each job's runs (org.glancejee.jobs.<job name>)
    SCRUBBER("scrubber", List.of("org.glancejee.jobs.Scrubber", "org.glancejee.jobs.ScrubTransactions",
            "org.glancejee.jobs.scrubber")),
    CACHE("cache", List.of("org.glancejee.cache", "org.glancejee.jobs.CacheCleaner", "org.glancejee.jobs.CacheJob",
            "org.glancejee.jobs.CachePrefetcher", "org.glancejee.jobs.CachePruner",
            "org.glancejee.service.CacheService", "org.glancejee.jobs.cache_cleaner",
            "org.glancejee.jobs.cache_prefetcher", "org.glancejee.jobs.cache_pruner")),
    REPLICATOR("replicator", List.of("org.glancejee.replication", "org.glancejee.jobs.ReplicationJob",
            "org.glancejee.jobs.replicator")),
    IMPORT("import", List.of("org.glancejee.imports")),
    /** One line per request, Apache's combined format with the time taken and the request id. */
    ACCESS("access", List.of(Subsystem.ACCESS_LOGGER));

    /** The logger the access log is written to. */
    public static final String ACCESS_LOGGER = "org.glancejee.access";

    private final String logName;
    private final List<String> loggers;

    Subsystem(String logName, List<String> loggers) {
        this.logName = logName;
        this.loggers = loggers;
    }

    /** The file's name without {@code .log}, also the name {@code default_log_levels} knows it by. */
    public String logName() {
        return logName;
    }

    public List<String> loggers() {
        return loggers;
    }
}
