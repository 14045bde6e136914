package org.glancejee.imports.plugins;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code qemu-img} (package qemu-utils) as a bounded child process: explicit input format (never
 * probed), no stdin, a time limit, its error output kept for the message.
 */
final class QemuImg {
    private final Path executable;
    private final Duration infoTimeout;
    private final Duration convertTimeout;

    QemuImg(Path executable, Duration infoTimeout, Duration convertTimeout) {
        this.executable = executable;
        this.infoTimeout = infoTimeout;
        this.convertTimeout = convertTimeout;
    }

    /** {@code qemu-img info --output=json}, reading {@code file} as {@code format}. */
    JsonObject info(Path file, String format) throws IOException {
        String out = run(infoTimeout, "info", "--output=json", "-f", format, file.toString());
        try (var reader = Json.createReader(new StringReader(out))) {
            return reader.readObject();
        }
    }

    void convert(Path source, String sourceFormat, Path target, String targetFormat) throws IOException {
        run(convertTimeout, "convert", "-f", sourceFormat, "-O", targetFormat, source.toString(), target.toString());
    }

    private String run(Duration timeout, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("qemu-img", ".out");
        Path err = Files.createTempFile("qemu-img", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly();
                throw new IOException("qemu-img " + args[0] + " took longer than " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("qemu-img " + args[0] + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while qemu-img ran", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
