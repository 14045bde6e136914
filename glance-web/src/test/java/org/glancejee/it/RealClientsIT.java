package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenStack command-line clients, as users run them, move image bytes through this server unchanged:
 * python-glanceclient ({@code glance}) and python-openstackclient ({@code openstack}), from the Debian
 * packages python3-glanceclient and python3-openstackclient. Each runs with an empty environment and a
 * fresh HOME (glanceclient caches schemas in ~/.glanceclient).
 */
@ExtendWith(GlanceServer.class)
class RealClientsIT {
    private static final Pattern ID_ROW = Pattern.compile("\\|\\s*id\\s*\\|\\s*([0-9a-f-]{36})\\s*\\|");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path tmp;

    @Test
    void glanceClientUploadsAndDownloadsExactBytes() throws Exception {
        byte[] data = randomData(3 * (1 << 20) + 321, 40);
        Path in = Files.write(tmp.resolve("in.img"), data);
        Path out = tmp.resolve("out.img");
        String url = GlanceServer.baseUri().toString();

        String created = run("/usr/bin/glance", "--os-image-url", url, "--os-auth-token", "x",
                "image-create", "--name", "cli-glance", "--disk-format", "raw", "--container-format", "bare",
                "--file", in.toString());
        Matcher id = ID_ROW.matcher(created);
        assertTrue(id.find(), created);
        assertTrue(created.matches("(?s).*\\|\\s*status\\s*\\|\\s*active\\s*\\|.*"), created);
        run("/usr/bin/glance", "--os-image-url", url, "--os-auth-token", "x",
                "image-download", "--file", out.toString(), id.group(1));

        assertArrayEquals(data, Files.readAllBytes(out));
        ImageDataIT.assertRecorded(ImageBytes.shared().show(id.group(1)), data);
    }

    @Test
    void openstackClientUploadsAndSavesExactBytes() throws Exception {
        byte[] data = randomData(5 * (1 << 20) + 17, 41);
        Path in = Files.write(tmp.resolve("in.img"), data);
        Path out = tmp.resolve("out.img");
        String url = GlanceServer.baseUri().toString();

        String created = run("/usr/bin/openstack", "--os-auth-type", "none", "--os-endpoint", url,
                "image", "create", "--disk-format", "raw", "--container-format", "bare", "--file", in.toString(),
                "-f", "value", "-c", "id", "cli-openstack").strip();
        assertTrue(UUID.matcher(created).matches(), created);
        run("/usr/bin/openstack", "--os-auth-type", "none", "--os-endpoint", url,
                "image", "save", "--file", out.toString(), created);

        assertArrayEquals(data, Files.readAllBytes(out));
        ImageDataIT.assertRecorded(ImageBytes.shared().show(created), data);
    }

    @Test
    void glanceClientImportsThroughGlanceDirect() throws Exception {
        byte[] data = randomData(2 * (1 << 20) + 99, 42);
        Path in = Files.write(tmp.resolve("in.img"), data);

        // On a terminal, as a user runs it: glanceclient refuses --file when stdin is not a terminal.
        String created = Cli.glance().run("image-create-via-import", "--name", "cli-glance-import",
                "--disk-format", "raw", "--container-format", "bare", "--import-method", "glance-direct",
                "--file", in.toString()).ok().stdout();
        Matcher id = ID_ROW.matcher(created);
        assertTrue(id.find(), created);

        assertImportedExactly(id.group(1), data);
    }

    @Test
    void openstackClientImportsThroughGlanceDirect() throws Exception {
        byte[] data = randomData(3 * (1 << 20) + 5, 43);
        Path in = Files.write(tmp.resolve("in.img"), data);
        String url = GlanceServer.baseUri().toString();

        String created = run("/usr/bin/openstack", "--os-auth-type", "none", "--os-endpoint", url,
                "image", "create", "--import", "--disk-format", "raw", "--container-format", "bare",
                "--file", in.toString(), "-f", "value", "-c", "id", "cli-openstack-import").strip();
        assertTrue(UUID.matcher(created).matches(), created);

        assertImportedExactly(created, data);
    }

    /** An import goes on after the client returns: wait for it, then the image holds exactly {@code data}. */
    private void assertImportedExactly(String id, byte[] data) throws Exception {
        ImageBytes api = ImageBytes.shared();
        assertEquals("active", api.awaitStatus(id, "active", java.time.Duration.ofSeconds(60)));
        ImageDataIT.assertRecorded(api.show(id), data);
        Path out = tmp.resolve("imported.img");
        run("/usr/bin/glance", "--os-image-url", GlanceServer.baseUri().toString(), "--os-auth-token", "x",
                "image-download", "--file", out.toString(), id);
        assertArrayEquals(data, Files.readAllBytes(out));
    }

    /** Runs a client to completion and returns what it printed; a non-zero exit fails with its output. */
    private String run(String... command) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(Path.of(command[0])), command[0] + " is missing: install python3-glanceclient"
                + " and python3-openstackclient");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path log = Files.createTempFile(tmp, "client", ".out");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish:\n" + Files.readString(log));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + text);
        return text;
    }
}
