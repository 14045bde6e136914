package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Image data as a client moves it: uploads with a length or chunked, downloads as bytes, and the digests
 * a test expects, computed here from the bytes it sent. Works against any server ({@link #ImageBytes(URI)}),
 * so the crash tests can use it on their own server too.
 */
public final class ImageBytes {
    /**
     * HTTP/1.1 only, as the OpenStack clients (python requests) speak it: the JDK client would otherwise
     * upgrade to h2c, where there is no chunked transfer encoding to test.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** What Glance's samples upload: {@code yes glance-anchor-sample-data | head -c N}. */
    public static final String ANCHOR_LINE = "glance-anchor-sample-data\n";

    private final URI base;

    public ImageBytes(URI base) {
        this.base = base;
    }

    /** The server this talks to. */
    public URI base() {
        return base;
    }

    /** Against the shared test server. */
    public static ImageBytes shared() {
        return new ImageBytes(GlanceServer.baseUri());
    }

    // --- requests -------------------------------------------------------------------------------

    /** Creates a raw/bare image (status queued) and returns its id. */
    public String createRaw(String name) {
        return create("{\"name\":\"" + name + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
    }

    public String create(String json) {
        HttpResponse<String> response = postJson("/v2/images", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body()).getString("id");
    }

    public JsonObject show(String id) {
        HttpResponse<String> response = send(request("/v2/images/" + id).GET(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("show failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body());
    }

    public String status(String id) {
        return show(id).getString("status");
    }

    /** PUT with a Content-Length body, as curl --data-binary does. Headers are name, value pairs. */
    public HttpResponse<String> upload(String id, byte[] data, String... headers) {
        return send(request("/v2/images/" + id + "/file", headers).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT with a chunked body: the length is not known up front, as when a client streams a pipe. */
    public HttpResponse<String> uploadChunked(String id, InputStream data, String... headers) {
        return putChunked("/v2/images/" + id + "/file", data, headers);
    }

    /** PUT of application/octet-stream data of unknown length (chunked) to any path, e.g. the stage call. */
    public HttpResponse<String> putChunked(String path, InputStream data, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> data)), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> uploadChunked(String id, byte[] data, String... headers) {
        return uploadChunked(id, new ByteArrayInputStream(data), headers);
    }

    /** Uploads and insists on 204. */
    public void uploadOk(String id, byte[] data) {
        HttpResponse<String> response = upload(id, data);
        if (response.statusCode() != 204) {
            throw new AssertionError("upload failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** PUT with exactly the headers given (no Content-Type unless given). */
    public HttpResponse<String> put(String path, byte[] body, String... headers) {
        return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String id, String... headers) {
        return send(request("/v2/images/" + id + "/file", headers).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST with a JSON body. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any method with a text body or none. Headers are name, value pairs; a body goes as JSON unless a
     * Content-Type is given (PATCH as Glance's v2.1 JSON-Patch).
     */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            builder.header("Content-Type", method.equals("PATCH")
                    ? "application/openstack-images-v2.1-json-patch" : "application/json");
        }
        return send(builder, HttpResponse.BodyHandlers.ofString());
    }

    /** The headers with {@code X-Auth-Token} in front, or as they are for a null token (anonymous). */
    public static String[] withToken(String token, String... headers) {
        if (token == null) {
            return headers;
        }
        String[] all = new String[headers.length + 2];
        all[0] = "X-Auth-Token";
        all[1] = token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** Polls until the image has {@code status}; returns the last status seen. */
    public String awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = status(id);
        while (!seen.equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = status(id);
        }
        return seen;
    }

    /** Waits until the image's data has started to arrive in the store: a partial file exists. */
    public void awaitPartialFile(Path store, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storeFiles(store, id).stream().noneMatch(n -> n.endsWith(".part"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the upload never got going: " + status(id));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Opens a raw connection and starts {@code PUT /v2/images/{id}/file} announcing {@code contentLength}
     * bytes (or chunked when negative), then sends {@code first}; the caller sends more or drops the
     * connection, as a client that dies mid-upload does.
     */
    public Socket startUpload(String id, long contentLength, byte[] first) throws IOException {
        return startUpload(id, contentLength, first, "");
    }

    /** {@link #startUpload(String, long, byte[])} with more header lines ({@code "Name: value\r\n"} each). */
    public Socket startUpload(String id, long contentLength, byte[] first, String headerLines) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        String head = "PUT /v2/images/" + id + "/file HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/octet-stream\r\n" + headerLines
                + (contentLength >= 0 ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked")
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        sendPart(socket, contentLength < 0, first);
        return socket;
    }

    /** Sends more of a body started with {@link #startUpload}, as one chunk when chunked. */
    public static void sendPart(Socket socket, boolean chunked, byte[] part) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (chunked) {
            out.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(part);
        }
        out.flush();
    }

    /** What a server answered on a raw connection: the status and the body. */
    public record RawResponse(int status, String body) {
    }

    /**
     * Ends a chunked body started with {@link #startUpload} and reads the response (status line, headers, a
     * Content-Length body), as a client that streamed its upload by hand.
     */
    public static RawResponse finishChunkedUpload(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String status = line(in);
        int length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readNBytes(length));
        }
        return new RawResponse(Integer.parseInt(status.split(" ")[1]), body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the response head: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(builder.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    // --- data and digests -----------------------------------------------------------------------

    /** The first {@code size} bytes of {@code yes glance-anchor-sample-data}. */
    public static byte[] anchorData(int size) {
        byte[] line = ANCHOR_LINE.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = line[i % line.length];
        }
        return data;
    }

    /** Incompressible bytes, the same for the same seed. */
    public static byte[] randomData(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    public static String md5(byte[] data) {
        return hex("MD5", data);
    }

    public static String sha512(byte[] data) {
        return hex("SHA-512", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the file store -------------------------------------------------------------------------

    /** Every file in the store directory that belongs to the image: its data and any partial upload. */
    public static List<String> storeFiles(Path store, String id) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id)).sorted().toList();
        }
    }

    /** Every partial upload ({@code .part} file) in the store directory. */
    public static List<String> partFiles(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).sorted().toList();
        }
    }
}
