package cn.edu.cumt.union.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import cn.edu.cumt.union.metrics.internal.MetricsAccess.Decision;

public class MetricsAccessTest {

    private static final MetricsAccess DEFAULTS = new MetricsAccess(true, true, "");
    private static final MetricsAccess WITH_TOKEN = new MetricsAccess(true, true, "s3cret-scrape-token");

    @Test
    public void aCallerOnThisMachineReadsThemByDefault() {
        assertEquals(Decision.ALLOW, DEFAULTS.decide("127.0.0.1", false, null));
        assertEquals(Decision.ALLOW, DEFAULTS.decide("0:0:0:0:0:0:0:1", false, null));
        assertEquals(Decision.ALLOW, DEFAULTS.decide("::1", false, null));
    }

    @Test
    public void nobodyElseByDefaultNotEvenThroughAProxyOnThisMachine() {
        assertEquals(Decision.FORBIDDEN, DEFAULTS.decide("10.1.2.3", false, null));
        assertEquals("a reverse proxy here forwards everyone", Decision.FORBIDDEN, DEFAULTS.decide("127.0.0.1", true, null));
        assertEquals("a token is no use when none is set", Decision.FORBIDDEN, DEFAULTS.decide("10.1.2.3", false, "Bearer "));
    }

    @Test
    public void aRemoteScraperNeedsTheExactToken() {
        assertEquals(Decision.ALLOW, WITH_TOKEN.decide("10.1.2.3", false, "Bearer s3cret-scrape-token"));
        assertEquals(Decision.ALLOW, WITH_TOKEN.decide("127.0.0.1", true, "Bearer s3cret-scrape-token"));
        assertEquals(Decision.TOKEN_REQUIRED, WITH_TOKEN.decide("10.1.2.3", false, null));
        assertEquals(Decision.TOKEN_REQUIRED, WITH_TOKEN.decide("10.1.2.3", false, "Bearer s3cret-scrape-toke"));
        assertEquals(Decision.TOKEN_REQUIRED, WITH_TOKEN.decide("10.1.2.3", false, "Bearer s3cret-scrape-token2"));
        assertEquals(Decision.TOKEN_REQUIRED, WITH_TOKEN.decide("10.1.2.3", false, "Basic s3cret-scrape-token"));
        assertEquals(Decision.TOKEN_REQUIRED, WITH_TOKEN.decide("10.1.2.3", false, "s3cret-scrape-token"));
    }

    @Test
    public void loopbackWithoutTokenCanBeTurnedOff() {
        MetricsAccess tokenOnly = new MetricsAccess(true, false, "t");
        assertEquals(Decision.TOKEN_REQUIRED, tokenOnly.decide("127.0.0.1", false, null));
        assertEquals(Decision.ALLOW, tokenOnly.decide("127.0.0.1", false, "Bearer t"));
    }

    @Test
    public void turnedOffIsOffForEveryone() {
        MetricsAccess off = new MetricsAccess(false, true, "t");
        assertEquals(Decision.DISABLED, off.decide("127.0.0.1", false, null));
        assertEquals(Decision.DISABLED, off.decide("10.1.2.3", false, "Bearer t"));
    }

    @Test
    public void onlyLiteralLoopbackAddressesCountAndNoNameIsLookedUp() {
        assertTrue(MetricsAccess.isLoopback("127.0.0.2"));
        assertFalse(MetricsAccess.isLoopback("localhost"));
        assertFalse(MetricsAccess.isLoopback("127.0.0.1.evil.example"));
        assertFalse(MetricsAccess.isLoopback("192.168.1.10"));
        assertFalse(MetricsAccess.isLoopback(""));
        assertFalse(MetricsAccess.isLoopback(null));
    }
}
