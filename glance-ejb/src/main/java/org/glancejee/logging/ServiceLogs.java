package org.glancejee.logging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.glancejee.config.LogSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up the service's logging at start and takes it down at undeploy: the request tag on every line, and
 * with {@code log_dir} one file per {@link Subsystem} (each line in exactly one of them, none in the server's
 * log), with levels from {@code debug} and {@code default_log_levels}.
 */
@Singleton
@Startup
public class ServiceLogs {
    private static final Logger LOG = Logger.getLogger(ServiceLogs.class.getName());
    private static final String ROOT = "org.glancejee";

    @Inject
    LogSettings settings;

    /** Strong references: java.util.logging forgets a logger, and the handlers set on it, once unreferenced. */
    private final List<Logger> configured = new ArrayList<>();
    private final List<Handler> handlers = new ArrayList<>();

    @PostConstruct
    void start() {
        Logger root = keep(ROOT);
        add(root, new RequestIdStamp());
        if (settings.debug()) {
            root.setLevel(Level.FINE);
        }
        Optional<Path> directory = settings.directory();
        if (directory.isPresent()) {
            try {
                Files.createDirectories(directory.get());
                for (Subsystem subsystem : Subsystem.values()) {
                    Handler file = new LogFile(directory.get().resolve(subsystem.logName() + ".log"),
                            subsystem == Subsystem.ACCESS ? new MessageOnly() : new OsloLogFormat());
                    for (String name : subsystem.loggers()) {
                        Logger logger = keep(name);
                        add(logger, file);
                        logger.setUseParentHandlers(false);
                    }
                }
                LOG.info("Logging to " + directory.get() + ": " + String.join(", ",
                        java.util.Arrays.stream(Subsystem.values()).map(s -> s.logName() + ".log").toList()));
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "Cannot write logs under " + directory.get() + "; logging to the server's log", e);
                detach(LogFile.class::isInstance);
            }
        }
        applyLevels(settings.levels());
    }

    private void applyLevels(Map<String, String> levels) {
        levels.forEach((name, level) -> {
            Optional<Level> parsed = level(level);
            if (parsed.isEmpty()) {
                LOG.warning("default_log_levels: unknown level '" + level + "' for " + name);
                return;
            }
            List<String> loggers = java.util.Arrays.stream(Subsystem.values())
                    .filter(s -> s.logName().equals(name)).findFirst().map(Subsystem::loggers).orElse(List.of(name));
            loggers.forEach(logger -> keep(logger).setLevel(parsed.get()));
        });
    }

    /** oslo's level names, or java.util.logging's. */
    static Optional<Level> level(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "DEBUG" -> Optional.of(Level.FINE);
            case "INFO" -> Optional.of(Level.INFO);
            case "WARN", "WARNING" -> Optional.of(Level.WARNING);
            case "ERROR", "CRITICAL" -> Optional.of(Level.SEVERE);
            default -> {
                try {
                    yield Optional.of(Level.parse(name.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    private Logger keep(String name) {
        Logger logger = Logger.getLogger(name);
        if (!configured.contains(logger)) {
            configured.add(logger);
        }
        return logger;
    }

    private void add(Logger logger, Handler handler) {
        logger.addHandler(handler);
        if (!handlers.contains(handler)) {
            handlers.add(handler);
        }
    }

    /** Takes the chosen handlers off every logger this set up, which write to the server's log again. */
    private void detach(Predicate<Handler> which) {
        for (Logger logger : configured) {
            for (Handler handler : logger.getHandlers()) {
                if (which.test(handler)) {
                    logger.removeHandler(handler);
                }
            }
            logger.setUseParentHandlers(true);
        }
    }

    @PreDestroy
    void stop() {
        detach(handlers::contains);
        configured.forEach(logger -> logger.setLevel(null));
        handlers.forEach(Handler::close);
    }

    /** The access log's lines are complete as the filter writes them. */
    private static final class MessageOnly extends Formatter {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record) + "\n";
        }
    }
}
