package org.glancejee.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A server of one test class's own, for settings the shared server must not have (small quotas, limits):
 * a {@code @RegisterExtension} static field, started before the class's tests and stopped after them,
 * through {@link GlanceServer#startSeparate} (so the class also needs {@code @ExtendWith(GlanceServer.class)},
 * declared first), with the fast-starting C1 compiler only: these servers test behaviour, not speed.
 */
final class OwnServer implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private GlanceProcess process;
    private ImageBytes api;

    OwnServer(String name, Map<String, String> environment) {
        this(name, environment, List.of());
    }

    /** @param jvmOptions more flags for the server's JVM (e.g. to open a JMX port) */
    OwnServer(String name, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        this.jvmOptions.addAll(jvmOptions);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = GlanceServer.startSeparate(name, environment, jvmOptions);
        api = new ImageBytes(process.baseUri());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.close();
        }
    }

    ImageBytes api() {
        return api;
    }

    /** The server's staging directory (the default, under its data directory). */
    Path staging() {
        return process.dataDir().resolve("staging");
    }

    /** What the server's process printed (Payara's log). */
    Path log() {
        return process.log();
    }

    /** The server's file store directory. */
    Path store() {
        return process.imageStore();
    }
}
