package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** Who the client is: the peer, unless a trusted proxy says otherwise; a spoofed header changes nothing. */
public class TrustedProxiesTest {

    private static Enumeration<String> headers(String... values) {
        return Collections.enumeration(List.of(values));
    }

    @Test
    public void withNoTrustedProxyTheHeaderIsIgnored() {
        assertTrue(TrustedProxies.parse("").isEmpty());
        assertEquals("203.0.113.9", TrustedProxies.NONE.clientOf("203.0.113.9", headers("10.9.9.9")));
        assertEquals("203.0.113.9", TrustedProxies.NONE.clientOf("203.0.113.9", null));
    }

    @Test
    public void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
        assertEquals("203.0.113.9", proxies.clientOf("203.0.113.9", headers("127.0.0.2")));
        assertEquals("203.0.113.9", proxies.clientOf("203.0.113.9", headers("10.0.0.5, 1.2.3.4")));
    }

    @Test
    public void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.8.0/24");
        // the client wrote "6.6.6.6" itself; the proxies appended what they saw
        assertEquals("198.51.100.7", proxies.clientOf("10.0.0.5", headers("6.6.6.6, 198.51.100.7")));
        assertEquals("198.51.100.7", proxies.clientOf("10.0.0.5", headers("6.6.6.6, 198.51.100.7, 192.168.8.20")));
        assertEquals("198.51.100.7", proxies.clientOf("10.0.0.5", headers("6.6.6.6", "198.51.100.7:4431", "192.168.8.20")));
        // every hop trusted: the left-most is as far as anybody can tell
        assertEquals("192.168.8.1", proxies.clientOf("10.0.0.5", headers("192.168.8.1")));
        // no header: the proxy itself
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", headers()));
    }

    @Test
    public void garbageInTheHeaderNeverBecomesTheClient() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", headers("evil.example.org")));
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", headers("1.2.3.4, unknown")));
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", headers("' or 1=1 --")));
    }

    @Test
    public void cidrBlocksMatchByPrefixIpv4AndIpv6() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12 2001:db8::/32");
        assertEquals("8.8.8.8", proxies.clientOf("172.31.255.254", headers("8.8.8.8")));
        assertEquals("172.32.0.1", proxies.clientOf("172.32.0.1", headers("8.8.8.8")));
        assertEquals("8.8.4.4", proxies.clientOf("2001:db8:0:0:0:0:0:1", headers("8.8.4.4")));
        assertEquals("2001:db9:0:0:0:0:0:1", proxies.clientOf("2001:db9::1", headers("8.8.4.4")));
        assertEquals("2001:db8:0:0:0:0:0:5", TrustedProxies.parse("10.0.0.5").clientOf("10.0.0.5", headers("[2001:db8::5]:80")));
    }

    @Test
    public void entriesThatAreNoAddressAreRefusedNamingThem() {
        for (String bad : List.of("proxy.cumt.edu.cn", "10.0.0.0/33", "10.0.0.0/x", "300.1.1.1", "::1/129")) {
            try {
                TrustedProxies.parse(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains(bad));
            }
        }
    }

    @Test
    public void theSettingAppliesInPlaceAndAnInvalidOneKeepsTheOld() {
        HttpSettings http = new HttpSettings(LiveConfig.defaults(HttpSettings.Config.class));
        assertTrue(http.limits().trustedProxies().isEmpty());
        http.modified(LiveConfig.of(HttpSettings.Config.class, Map.of("trusted_proxies", "127.0.0.1")));
        HttpSettings.Limits applied = http.limits();
        assertEquals("127.0.0.9", applied.trustedProxies().clientOf("127.0.0.1", headers("127.0.0.9")));
        http.modified(LiveConfig.of(HttpSettings.Config.class, Map.of("trusted_proxies", "not-an-address")));
        assertSame(applied, http.limits());
    }
}
