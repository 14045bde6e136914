package org.glancejee.web.context;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.glancejee.config.ApiSettings;
import org.glancejee.logging.LogContext;
import org.glancejee.logging.Subsystem;
import org.glancejee.metrics.RequestMetrics;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Around every request, until its last byte is sent (a download's whole transfer): gives it its request id,
 * names it on the log lines written meanwhile, then writes its access-log line and counts it in the request
 * figures under the endpoint JAX-RS matched ({@link EndpointNaming}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {
    /** The request attribute holding the request's id. */
    static final String REQUEST_ID = "org.glancejee.request_id";
    private static final Logger ACCESS = Logger.getLogger(Subsystem.ACCESS_LOGGER);
    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    ApiSettings api;

    @Inject
    RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        Instant arrived = Instant.now();
        String requestId = RequestIds.of(request.getHeader(RequestIds.HEADER), api.maxRequestIdLength());
        request.setAttribute(REQUEST_ID, requestId);
        CountingResponse counted = new CountingResponse(response);
        String user = null;
        try (LogContext.Scope ignored = LogContext.enter(requestId)) {
            chain.doFilter(request, counted);
        } finally {
            long nanos = System.nanoTime() - start;
            Object endpoint = request.getAttribute(EndpointNaming.ENDPOINT);
            metrics.record(request.getMethod(), endpoint == null ? RequestMetrics.UNMATCHED : endpoint.toString(),
                    counted.getStatus(), nanos);
            if (ACCESS.isLoggable(Level.INFO)) {
                ACCESS.info(accessLine(request, counted, arrived, nanos, requestId));
            }
        }
    }

    /** Apache's combined format, then the seconds taken and the request id. */
    private static String accessLine(HttpServletRequest request, CountingResponse response, Instant arrived,
                                     long nanos, String requestId) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return request.getRemoteAddr() + " - - [" + CLF_TIME.format(arrived) + "] \""
                + request.getMethod() + " " + printable(target) + " " + request.getProtocol() + "\" "
                + response.getStatus() + " " + response.bytes() + " \"" + header(request, "Referer") + "\" \""
                + header(request, "User-Agent") + "\" " + String.format(Locale.ROOT, "%.6f", nanos / 1e9)
                + " " + requestId;
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "-" : printable(value);
    }

    /** Nothing a client sends can break the line or fake another one. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    /** Counts the body bytes actually sent. */
    private static final class CountingResponse extends HttpServletResponseWrapper {
        private long bytes;
        private ServletOutputStream stream;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        out.write(buffer, offset, length);
                        bytes += length;
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
