package org.glancejee.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A throw-away domain of the Payara Server the build unpacked (target/payara-server), on its own port base,
 * driven with asadmin as an administrator would. Started without any GLANCE_* variable in its environment, so
 * the settings it runs on are only those the setup script gave it.
 */
final class PayaraDomain implements AutoCloseable {
    private final Path payaraHome;
    private final String name;
    private final int portBase;
    private final Path logDir;
    private boolean started;

    PayaraDomain(Path payaraHome, String name, int portBase, Path logDir) {
        this.payaraHome = payaraHome;
        this.name = name;
        this.portBase = portBase;
        this.logDir = logDir;
    }

    /** Creates the domain afresh (removing one left by an earlier run) and starts it. */
    PayaraDomain start() throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        asadminLocal(List.of("delete-domain", name), "delete-domain", 0, 1);
        asadminLocal(List.of("--user", "admin", "create-domain", "--nopassword=true", "--portbase",
                String.valueOf(portBase), name), "create-domain", 0);
        asadminLocal(List.of("start-domain", name), "start-domain", 0);
        started = true;
        return this;
    }

    int adminPort() {
        return portBase + 48;
    }

    int httpPort() {
        return portBase + 80;
    }

    Path domainXml() {
        return payaraHome.resolve("glassfish/domains").resolve(name).resolve("config/domain.xml");
    }

    /** Runs a command against the running domain; its output (a failing command throws). */
    String asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--port", String.valueOf(adminPort()), "--user", "admin"));
        command.addAll(List.of(arguments));
        return asadminLocal(command, arguments[0], 0);
    }

    /** Runs a bash script with this domain's Payara and admin port in its environment; its exit code. */
    int script(Path script, Path log, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("GLANCE_"));
        builder.environment().put("PAYARA_HOME", payaraHome.toString());
        builder.environment().put("ASADMIN_PORT", String.valueOf(adminPort()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return builder.start().waitFor();
    }

    private String asadminLocal(List<String> arguments, String logName, int... success)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", payaraHome.resolve("glassfish/modules/admin-cli.jar").toString()));
        command.addAll(arguments);
        Path log = logDir.resolve("asadmin-" + logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("GLANCE_"));
        int exit = builder.start().waitFor();
        String output = Files.readString(log);
        if (Arrays.stream(success).anyMatch(code -> code == exit)) {
            return output;
        }
        throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " exited " + exit + ":\n" + output);
    }

    /** Stops and deletes the domain. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            asadminLocal(List.of("stop-domain", name), "stop-domain", 0, 1);
            asadminLocal(List.of("delete-domain", name), "delete-domain", 0, 1);
        }
    }
}
