package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default noauth mode makes every caller an admin, so it serves the API on loopback only: the same
 * server reached through another of the machine's addresses refuses, unless glance.noauth.allow_remote.
 */
@ExtendWith(GlanceServer.class)
class NoauthIT {

    @Test
    void theApiIsRefusedOnANonLoopbackAddress() throws Exception {
        HttpResponse<String> refused = getVia(nonLoopbackAddress(), "/v2/images");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("glance.noauth.allow_remote"), refused.body());
        assertEquals(200, Api.get("/v2/images").statusCode(), "loopback is served");
    }

    @Test
    void versionsAndHealthNeedNoIdentityAndStayOpen() throws Exception {
        InetAddress remote = nonLoopbackAddress();
        assertEquals(300, getVia(remote, "/").statusCode());
        assertEquals(200, getVia(remote, "/healthcheck").statusCode());
    }

    private static HttpResponse<String> getVia(InetAddress address, String path) throws Exception {
        URI uri = URI.create("http://" + address.getHostAddress() + ":" + GlanceServer.baseUri().getPort() + path);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri).header("Accept", "*/*").build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Every machine this runs on (CI included) has one: its network interface. */
    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        throw new IllegalStateException("no non-loopback IPv4 address on this machine");
    }
}
