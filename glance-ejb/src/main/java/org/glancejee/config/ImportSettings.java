package org.glancejee.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where imports stage their data, how long finished tasks stay visible, and how this server names itself. */
@ApplicationScoped
public class ImportSettings {

    @Inject
    StorageSettings storage;

    @Inject
    @ConfigProperty(name = "glance.node_staging_uri")
    Optional<String> nodeStagingUri;

    @Inject
    @ConfigProperty(name = "glance.task.task_time_to_live")
    double taskTimeToLiveHours;

    @Inject
    @ConfigProperty(name = "glance.worker_self_reference_url")
    Optional<String> workerSelfReferenceUrl;

    @Inject
    @ConfigProperty(name = "glance.public_endpoint")
    Optional<String> publicEndpoint;

    /** The staging directory: {@code node_staging_uri} (a {@code file://} URI or a path), default {@code <data_dir>/staging}. */
    public Path stagingDir() {
        return nodeStagingUri.map(ImportSettings::toPath).orElse(storage.dataDir().resolve("staging"))
                .toAbsolutePath().normalize();
    }

    /** How long a finished task stays visible (Glance's task_time_to_live in hours, 48 by default; fractions allowed). */
    public Duration taskTimeToLive() {
        return Duration.ofMillis(Math.round(taskTimeToLiveHours * 3_600_000));
    }

    /** What this server records in os_glance_stage_host, as Glance does; none when neither is configured. */
    public Optional<String> selfReference() {
        return workerSelfReferenceUrl.or(() -> publicEndpoint);
    }

    private static Path toPath(String value) {
        return value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
    }
}
