package org.glancejee.web.api;

import jakarta.ws.rs.core.UriInfo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Query strings in request order, and the absolute URLs Glance puts in Location headers. */
final class Links {
    private Links() {
    }

    /** The query parameters in the order the client sent them (JAX-RS maps lose that order). */
    static List<Map.Entry<String, String>> queryParameters(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.add(new AbstractMap.SimpleEntry<>(key, value));
        }
        return params;
    }

    /**
     * {@code path?k=v&...} as Glance builds its first/next links: a repeated key keeps its first position
     * and its last value, values are form-encoded like Python's urlencode, {@code without} keys are left out.
     */
    static String withQuery(String path, List<Map.Entry<String, String>> params, String... without) {
        List<String> skip = List.of(without);
        Map<String, String> merged = new LinkedHashMap<>();
        params.stream().filter(p -> !skip.contains(p.getKey())).forEach(p -> merged.put(p.getKey(), p.getValue()));
        String query = merged.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    static String absolute(UriInfo uri, Optional<String> publicEndpoint, String path) {
        String base = publicEndpoint.orElse(uri.getBaseUri().toString());
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Python's quote_plus: like URLEncoder except that '~' stays as it is and '*' is escaped. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    /** A {@code limit} query parameter as given (null when absent); 400 as Glance when it is not an integer. */
    static Integer limitParam(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new org.glancejee.domain.InvalidInputException("limit param must be an integer");
        }
    }
}
