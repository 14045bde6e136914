package org.glancejee.imports.web;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Fetches a web-download URI into a file, streaming. Every URI, the first and each redirect's, passes the
 * {@link ImportUriPolicy} first, and the connection goes only to the address the policy checked: the HTTP
 * client's name resolution is replaced, so a name that resolves differently a moment later (DNS rebinding)
 * cannot steer it elsewhere. TLS still verifies the certificate against the host name.
 */
public final class WebDownloader {
    private static final int MAX_REDIRECTS = 5;
    private static final int BUFFER = 1 << 20;

    private final ImportUriPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public WebDownloader(ImportUriPolicy policy, Duration connectTimeout, Duration readTimeout) {
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Refuses (400) a URI the policy does not let through, without fetching anything. */
    public ImportUriPolicy.Destination check(String uri) {
        return policy.check(uri).orElseThrow(() ->
                new InvalidInputException("URI for web-download does not pass filtering: " + uri));
    }

    /**
     * Writes what {@code uri} serves into {@code target} and returns its size. More than {@code maxBytes}
     * refuses (413); any failure removes what was written.
     */
    public long download(String uri, Path target, long maxBytes, LongConsumer progress) throws IOException {
        try {
            String next = uri;
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                ImportUriPolicy.Destination destination = check(next);
                Fetch fetch = fetch(destination, target, maxBytes, progress);
                if (fetch.redirect() == null) {
                    return fetch.size();
                }
                next = destination.uri().resolve(fetch.redirect()).toString();
            }
            throw new InvalidInputException("Failed to download " + uri + ": too many redirects");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private record Fetch(String redirect, long size) {
    }

    private Fetch fetch(ImportUriPolicy.Destination destination, Path target, long maxBytes, LongConsumer progress)
            throws IOException {
        try (CloseableHttpClient client = client(destination)) {
            return client.execute(new HttpGet(destination.uri()), response -> {
                int status = response.getCode();
                if (status >= 300 && status < 400 && status != 304) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        throw new InvalidInputException("Failed to download " + destination.uri()
                                + ": redirect without a location");
                    }
                    return new Fetch(location.getValue(), 0);
                }
                if (status < 200 || status >= 300) {
                    throw new InvalidInputException("Failed to download " + destination.uri()
                            + ": the server answered " + status);
                }
                return new Fetch(null, save(response, target, maxBytes, progress));
            });
        }
    }

    private static long save(ClassicHttpResponse response, Path target, long maxBytes, LongConsumer progress)
            throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            Files.write(target, new byte[0]);
            return 0;
        }
        if (entity.getContentLength() > maxBytes) {
            throw tooLarge();
        }
        long size = 0;
        try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
                progress.accept(size);
            }
        }
        return size;
    }

    private CloseableHttpClient client(ImportUriPolicy.Destination destination) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedResolver(destination.host(), destination.address()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .build();
        // No system proxies (a proxy would connect elsewhere), no redirects but ours, no retries.
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .build();
    }

    private static LimitExceededException tooLarge() {
        return new LimitExceededException("The incoming image is too large: The provided image is too large.");
    }

    /** Resolves the checked host to the checked address, and nothing else. */
    private record PinnedResolver(String host, InetAddress address) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            if (!host.equalsIgnoreCase(name)) {
                throw new UnknownHostException(name + " was not checked");
            }
            return new InetAddress[]{address};
        }

        @Override
        public String resolveCanonicalHostname(String name) {
            return name;
        }
    }
}
