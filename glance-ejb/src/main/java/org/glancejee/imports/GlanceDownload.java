package org.glancejee.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glancejee.domain.ConflictException;
import org.glancejee.domain.ImportRequest;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.identity.TokenValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The glance-download import method: the image service of another region, found in the caller's Keystone
 * catalog, is asked with the caller's own token for an active image's metadata and data, as Glance does.
 */
@ApplicationScoped
public class GlanceDownload {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int BUFFER = 1 << 20;

    @Inject
    TokenValidator identity;

    @Inject
    @ConfigProperty(name = "glance.glance_download_properties.extra_properties")
    String extraProperties;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The remote image: where it is, its formats, and the properties to copy (by the configured prefixes). */
    public record RemoteImage(URI data, String diskFormat, String containerFormat, Map<String, String> properties) {
    }

    public RemoteImage metadata(ImportRequest request, Optional<String> token) throws IOException {
        String userToken = token.orElseThrow(() -> new ConflictException(
                "glance-download needs the caller's Keystone token; this server does not use Keystone."));
        String region = request.remoteRegion().orElseThrow();
        String endpoint = identity.catalogEndpoint(userToken, "image", region, request.remoteInterface())
                .orElseThrow(() -> new InvalidInputException("No " + request.remoteInterface()
                        + " image service endpoint in region " + region + "."));
        String base = endpoint.replaceAll("/+$", "").replaceAll("/v2$", "");
        String imageId = request.remoteImageId().orElseThrow();
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(base + "/v2/images/" + imageId))
                .header("X-Auth-Token", userToken).header("Accept", "application/json").GET(),
                HttpResponse.BodyHandlers.ofString());
        if (shown.statusCode() != 200) {
            throw new InvalidInputException("The image service of region " + region + " answered "
                    + shown.statusCode() + " for image " + imageId + ".");
        }
        JsonObject image;
        try (var reader = Json.createReader(new StringReader(shown.body()))) {
            image = reader.readObject();
        }
        if (!"active".equals(image.getString("status", ""))) {
            throw new ConflictException("Source image status should be active instead of "
                    + image.getString("status", "unknown"));
        }
        List<String> prefixes = Arrays.stream(extraProperties.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        Map<String, String> copied = new LinkedHashMap<>();
        image.forEach((key, value) -> {
            if (value instanceof JsonString text && prefixes.stream().anyMatch(key::startsWith)) {
                copied.put(key, text.getString());
            }
        });
        return new RemoteImage(URI.create(base + "/v2/images/" + imageId + "/file"), image.getString("disk_format"),
                image.getString("container_format"), copied);
    }

    /** Streams the remote image's data into {@code target}, at most {@code maxBytes}. */
    public void download(RemoteImage remote, Optional<String> token, Path target, long maxBytes,
                         LongConsumer progress) throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(remote.data())
                .header("X-Auth-Token", token.orElseThrow()).GET(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new InvalidInputException("The remote image service answered " + response.statusCode()
                        + " for the image data.");
            }
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new LimitExceededException("The incoming image is too large: The provided image is too"
                            + " large.");
                }
                out.write(buffer, 0, n);
                progress.accept(total);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException {
        try {
            return http.send(request.timeout(TIMEOUT).build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
