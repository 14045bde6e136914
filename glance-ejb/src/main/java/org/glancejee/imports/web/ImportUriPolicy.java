package org.glancejee.imports.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether web-download may fetch a URI and, if so, the one address to connect to.
 * <p>
 * Glance's rules: the scheme, host and port allow and deny lists ({@code [import_filtering_opts]}; an allow
 * list makes its deny list ignored; a port is checked only when the URI names one); hosts written as encoded
 * numbers ({@code 2130706433}, {@code 127.1}, {@code 0x7f.1}) are refused; the name is resolved and the
 * connection pinned to an address that passed.
 * <p>
 * Beyond Glance, which refuses only loopback and link-local addresses: private (RFC 1918, fc00::/7),
 * carrier-grade NAT, unspecified and multicast addresses are refused too, so a user cannot make the server
 * read from the network behind it. A host the operator lists in {@code allowed_hosts} may have any address.
 */
public final class ImportUriPolicy {
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0[xX][0-9a-fA-F.xX]*|.*\\.0[xX].*");

    private final List<String> allowedSchemes;
    private final List<String> disallowedSchemes;
    private final List<String> allowedHosts;
    private final List<String> disallowedHosts;
    private final List<Integer> allowedPorts;
    private final List<Integer> disallowedPorts;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests of the address rules. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public ImportUriPolicy(List<String> allowedSchemes, List<String> disallowedSchemes, List<String> allowedHosts,
                           List<String> disallowedHosts, List<Integer> allowedPorts, List<Integer> disallowedPorts,
                           Resolver resolver) {
        this.allowedSchemes = List.copyOf(allowedSchemes);
        this.disallowedSchemes = allowedSchemes.isEmpty() ? List.copyOf(disallowedSchemes) : List.of();
        this.allowedHosts = List.copyOf(allowedHosts);
        this.disallowedHosts = allowedHosts.isEmpty() ? List.copyOf(disallowedHosts) : List.of();
        this.allowedPorts = List.copyOf(allowedPorts);
        this.disallowedPorts = allowedPorts.isEmpty() ? List.copyOf(disallowedPorts) : List.of();
        this.resolver = resolver;
    }

    /** A URI that passed, with the address to connect to. */
    public record Destination(URI uri, String host, int port, InetAddress address) {
    }

    /** The destination of {@code uri}, or empty when it must not be fetched. */
    public Optional<Destination> check(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || (!allowedSchemes.isEmpty() && !allowedSchemes.contains(scheme))
                || disallowedSchemes.contains(scheme) || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.empty();
        }
        String host = host(parsed);
        if (host == null || NUMERIC_HOST.matcher(host).matches() && !isDottedQuad(host)) {
            return Optional.empty();
        }
        if ((!allowedHosts.isEmpty() && !allowedHosts.contains(host)) || disallowedHosts.contains(host)) {
            return Optional.empty();
        }
        int port = parsed.getPort();
        if (port != -1 && ((!allowedPorts.isEmpty() && !allowedPorts.contains(port))
                || disallowedPorts.contains(port))) {
            return Optional.empty();
        }
        int connectPort = port != -1 ? port : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        boolean listed = allowedHosts.contains(host);
        for (InetAddress address : addresses) {
            if (listed || (publiclyRoutable(address) && !deniedAddress(address))) {
                return Optional.of(new Destination(parsed, host, connectPort, address));
            }
        }
        return Optional.empty();
    }

    /** The host as written, lower case, IPv6 literals without brackets; null when there is none. */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.startsWith("0"))
                    || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private boolean deniedAddress(InetAddress address) {
        return disallowedHosts.contains(address.getHostAddress());
    }

    /** Whether an address is on the public internet, not the server's own or its private networks. */
    static boolean publiclyRoutable(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 224 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19));
        }
        return (b[0] & 0xfe) != 0xfc;
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 addresses stand for their IPv4 address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
