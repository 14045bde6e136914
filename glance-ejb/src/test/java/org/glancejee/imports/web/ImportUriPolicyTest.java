package org.glancejee.imports.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which URIs web-download may fetch, and the address it then connects to. */
class ImportUriPolicyTest {
    /** Names and what they resolve to; nothing else resolves. */
    private static final Map<String, String[]> DNS = Map.of(
            "images.example.com", new String[]{"203.0.113.10"},
            "rebind.example.com", new String[]{"127.0.0.1"},
            "mixed.example.com", new String[]{"10.1.2.3", "198.51.100.7"},
            "internal.example.com", new String[]{"192.168.1.20"},
            "metadata.example.com", new String[]{"169.254.169.254"},
            "v6.example.com", new String[]{"2001:db8::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+|[0-9a-f:]+")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            result[i] = InetAddress.getByName(addresses[i]);
        }
        return result;
    }

    private static ImportUriPolicy defaults() {
        return new ImportUriPolicy(List.of("http", "https"), List.of(), List.of(), List.of(), List.of(80, 443),
                List.of(), ImportUriPolicyTest::resolve);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://images.example.com/cirros.img",
            "https://images.example.com/cirros.img",
            "http://images.example.com:80/cirros.img",
            "https://images.example.com:443/x",
            "http://203.0.113.10/x",
            "http://[2001:db8::1]/x",
            "http://v6.example.com/x",
            "http://mixed.example.com/x"})
    void publicAddressesOnAllowedSchemesAndPortsPass(String uri) {
        assertTrue(defaults().check(uri).isPresent(), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not a uri", "file:///etc/passwd", "ftp://images.example.com/x", "gopher://images.example.com/",
            "http:///x", "http://images.example.com:8080/x", "http://unknown.example.com/x",
            // the server itself, its networks, the cloud's metadata service
            "http://127.0.0.1/x", "http://localhost/x", "http://[::1]/x", "http://0.0.0.0/x", "http://[::]/x",
            "http://169.254.169.254/latest/meta-data", "http://metadata.example.com/x", "http://10.0.0.1/x",
            "http://172.16.5.4/x", "http://192.168.0.1/x", "http://internal.example.com/x", "http://100.64.0.1/x",
            "http://[fd00::1]/x", "http://[fe80::1]/x", "http://[::ffff:127.0.0.1]/x", "http://[::ffff:10.0.0.1]/x",
            "http://224.0.0.1/x", "http://rebind.example.com/x",
            // addresses written as numbers in disguise
            "http://2130706433/x", "http://127.1/x", "http://0x7f.1/x", "http://0x7f000001/x", "http://017700000001/x",
            "http://127.000.000.001/x"})
    void everythingElseIsRefused(String uri) {
        assertFalse(defaults().check(uri).isPresent(), uri);
    }

    @Test
    void theAddressToConnectToIsOneThatPassed() {
        assertEquals("198.51.100.7", defaults().check("http://mixed.example.com/x").orElseThrow()
                .address().getHostAddress());
        assertEquals(80, defaults().check("http://mixed.example.com/x").orElseThrow().port());
        assertEquals(443, defaults().check("https://mixed.example.com/x").orElseThrow().port());
    }

    @Test
    void anAllowedHostMayBeLocalAndTheAllowListWinsOverTheDenyList() {
        ImportUriPolicy policy = new ImportUriPolicy(List.of("http"), List.of("http"), List.of("127.0.0.1"),
                List.of("127.0.0.1"), List.of(8080), List.of(8080), ImportUriPolicyTest::resolve);
        assertTrue(policy.check("http://127.0.0.1:8080/x").isPresent());
        assertFalse(policy.check("http://127.0.0.1:8081/x").isPresent(), "port not in the allow list");
        assertFalse(policy.check("http://images.example.com:8080/x").isPresent(), "host not in the allow list");
        assertFalse(policy.check("https://127.0.0.1:8080/x").isPresent(), "scheme not in the allow list");
    }

    @Test
    void denyListsRefuseByNameAndByResolvedAddress() {
        ImportUriPolicy policy = new ImportUriPolicy(List.of(), List.of("https"), List.of(),
                List.of("images.example.com", "198.51.100.7"), List.of(), List.of(8443),
                ImportUriPolicyTest::resolve);
        assertFalse(policy.check("http://images.example.com/x").isPresent());
        assertFalse(policy.check("http://mixed.example.com/x").isPresent(), "its public address is denied");
        assertFalse(policy.check("https://v6.example.com/x").isPresent());
        assertFalse(policy.check("http://v6.example.com:8443/x").isPresent());
        assertTrue(policy.check("http://v6.example.com:8080/x").isPresent());
    }
}
