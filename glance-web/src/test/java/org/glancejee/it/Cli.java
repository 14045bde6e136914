package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs Debian's stock OpenStack command-line clients ({@code /usr/bin/glance} from python3-glanceclient,
 * {@code /usr/bin/openstack} from python3-openstackclient) against the test server, the way a user at a
 * terminal would. The build installs them with {@code src/test/scripts/ensure-debian-packages.sh}.
 * <ul>
 * <li>The clients are Debian's, run by {@code /usr/bin/python3}, whatever python3 comes first on PATH.</li>
 * <li>HOME is a fresh directory per client and test class (under target/it), so glanceclient's schema
 * cache ({@code ~/.glanceclient}) starts empty and nothing touches the user's home or clouds.yaml.
 * OS_*, PYTHON* and proxy variables from the build's environment are dropped.</li>
 * <li>Standard input is a pseudo-terminal: both clients take a non-terminal stdin as image data to
 * upload on create (glance {@code image-create}, {@code openstack image create}), and a closed stdin
 * crashes openstackclient. A terminal means "no data", as for a user typing the command.</li>
 * <li>Every call has a timeout; stdout and stderr are kept (also as files beside HOME) and go into
 * every assertion message.</li>
 * <li>With Keystone ({@link #openstack(Map, Path)}) the client authenticates with a password from OS_*
 * variables, as after sourcing an openrc file, and finds the image API in the token's catalog.</li>
 * </ul>
 */
public final class Cli {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path GLANCE = Path.of("/usr/bin/glance");
    static final Path OPENSTACK = Path.of("/usr/bin/openstack");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** Gives the command a pseudo-terminal as stdin (keeping the master open), then becomes the command. */
    private static final String ON_A_TERMINAL = String.join("\n",
            "import os, pty, sys",
            "master, terminal = pty.openpty()",
            "os.set_inheritable(master, True)",
            "os.dup2(terminal, 0)",
            "os.execv(sys.argv[1], sys.argv[1:])");

    private final String name;
    private final List<String> prefix;
    private final Map<String, String> environment;
    private final Path home;
    private final Path calls;
    private int count;
    private long nanos;

    private Cli(String name, Path executable, List<String> options, Map<String, String> environment, Path base) {
        if (!Files.isExecutable(executable) || !Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(executable + " (or " + PYTHON + ") is not installed. The build installs"
                    + " python3-glanceclient and python3-openstackclient before the integration tests with"
                    + " src/test/scripts/ensure-debian-packages.sh; run it (as root) if you skipped that.");
        }
        this.name = name;
        this.prefix = new ArrayList<>(List.of(PYTHON.toString(), "-I", "-S", "-c", ON_A_TERMINAL,
                executable.toString()));
        this.prefix.addAll(options);
        this.environment = Map.copyOf(environment);
        try {
            Files.createDirectories(base);
            Path run = Files.createTempDirectory(base, name + "-");
            this.home = Files.createDirectory(run.resolve("home"));
            this.calls = Files.createDirectory(run.resolve("calls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** python-glanceclient's {@code glance}, talking straight to the image endpoint with a dummy token. */
    static Cli glance() {
        return glance(GlanceServer.baseUri());
    }

    /** The same against a test class's own server. */
    static Cli glance(java.net.URI server) {
        return new Cli("glance", GLANCE, List.of("--os-image-url", server.toString(),
                "--os-auth-token", "noauth-token"), Map.of(), serverCliBase());
    }

    /** OpenStackClient's {@code openstack}, without Keystone: auth type none and the image endpoint. */
    static Cli openstack() {
        return new Cli("openstack", OPENSTACK, List.of("--os-auth-type", "none",
                "--os-endpoint", GlanceServer.baseUri().toString()), Map.of(), serverCliBase());
    }

    /**
     * OpenStackClient's {@code openstack} configured only by the given environment (the OS_* variables of an
     * openrc file: password authentication against Keystone), its HOMEs under {@code base}.
     */
    public static Cli openstack(Map<String, String> environment, Path base) {
        return new Cli("openstack", OPENSTACK, List.of(), environment, base);
    }

    private static Path serverCliBase() {
        return Path.of(System.getProperty("glance.it.workdir", "target/it")).toAbsolutePath()
                .resolve(GlanceServer.runName()).resolve("cli");
    }

    /** Runs one command; the result's exit code is not checked (see {@link Result#ok()}). */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(Arrays.asList(args));
        int n = ++count;
        String file = String.format(Locale.ROOT, "%03d", n);
        Path cmd = calls.resolve(file + ".cmd");
        Path out = calls.resolve(file + ".out");
        Path err = calls.resolve(file + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OS_") || k.startsWith("PYTHON") || k.startsWith("PYENV")
                || k.startsWith("VIRTUAL_ENV") || k.startsWith("CONDA") || k.startsWith("XDG_")
                || k.toLowerCase(Locale.ROOT).endsWith("_proxy") || k.startsWith("REQUESTS_CA_BUNDLE"));
        env.put("HOME", home.toString());
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("no_proxy", "127.0.0.1,localhost");
        env.putAll(environment);
        long start = System.nanoTime();
        boolean finished;
        int exit;
        try {
            Files.writeString(cmd, String.join(" ", args));
            Process process = builder.start();
            finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            exit = finished ? process.exitValue() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        nanos += took.toNanos();
        Result result = new Result(name + " " + String.join(" ", args), exit, read(out), read(err), took);
        try {
            Files.writeString(cmd, "\nexit code " + exit + " after " + took.toMillis() + " ms\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!finished) {
            throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s: " + result.describe());
        }
        return result;
    }

    /** The HOME the commands run with. */
    public Path home() {
        return home;
    }

    /** How many commands ran and how long they took together, for the test log. */
    public String summary() {
        return String.format(Locale.ROOT, "%s CLI: %d calls, %.1f s (HOME %s)", name, count, nanos / 1e9, home);
    }

    /** A name no other test uses: {@code prefix-xxxxxxxx}. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The image as the HTTP API shows it, insisting on 200. */
    static JsonObject image(String id) {
        HttpResponse<String> response = Api.get("/v2/images/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /v2/images/" + id + ": " + response.statusCode() + " " + response.body());
        }
        return Api.json(response);
    }

    /** A JSON array of strings, as a set. */
    static Set<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed and how it ended. */
    public record Result(String command, int exitCode, String stdout, String stderr, Duration took) {

        /** Insists on exit code 0. */
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("command failed: " + describe());
            }
            return this;
        }

        /** Insists on a non-zero exit code. */
        public Result failed() {
            if (exitCode == 0) {
                throw new AssertionError("command should have failed: " + describe());
            }
            return this;
        }

        public String describe() {
            return "$ " + command + "\nexit code " + exitCode + " after " + took.toMillis() + " ms\n--- stdout\n"
                    + stdout + "\n--- stderr\n" + stderr;
        }

        /** Output of {@code openstack ... -f json} that is an object. */
        public JsonObject json() {
            return parse().asJsonObject();
        }

        /** Output of {@code openstack ... -f json} that is a list. */
        public JsonArray jsonArray() {
            return parse().asJsonArray();
        }

        private JsonStructure parse() {
            try {
                return Json.createReader(new StringReader(stdout)).read();
            } catch (RuntimeException e) {
                throw new AssertionError("output is not JSON: " + describe(), e);
            }
        }

        /**
         * A glanceclient table ({@code +---+} rules, {@code | a | b |} rows) as rows of trimmed cells keyed by
         * the header row.
         */
        public List<Map<String, String>> table() {
            List<List<String>> lines = new ArrayList<>();
            for (String line : stdout.split("\\R")) {
                if (line.startsWith("|") && line.endsWith("|") && line.length() > 1) {
                    lines.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                            .map(String::strip).toList());
                }
            }
            if (lines.isEmpty()) {
                throw new AssertionError("no table in output: " + describe());
            }
            List<String> header = lines.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> cells : lines.subList(1, lines.size())) {
                if (cells.size() != header.size()) {
                    throw new AssertionError("a cell holds '|'; cannot read the table: " + describe());
                }
                if (cells.get(0).isEmpty()) {
                    throw new AssertionError("a value was wrapped over several lines; use shorter test values: "
                            + describe());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        }

        /** A glanceclient {@code Property | Value} table, as a map. */
        public Map<String, String> properties() {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Map<String, String> row : table()) {
                if (!row.containsKey("Property") || !row.containsKey("Value")) {
                    throw new AssertionError("not a Property/Value table: " + describe());
                }
                properties.put(row.get("Property"), row.get("Value"));
            }
            return properties;
        }
    }
}
