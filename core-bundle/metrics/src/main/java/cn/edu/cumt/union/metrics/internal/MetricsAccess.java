package cn.edu.cumt.union.metrics.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Who may read {@code /metrics}: nobody when it is turned off; a scraper that sends the configured token as
 * {@code Authorization: Bearer …}; and, unless turned off, a caller on this machine that came straight to
 * the platform (loopback, no forwarding header: a reverse proxy on the same machine forwards everyone, so
 * what it forwards is not "local"). Everyone else is refused: the figures name plugins and show load.
 */
record MetricsAccess(boolean enabled, boolean loopback, String token) {

    enum Decision {
        ALLOW, DISABLED, TOKEN_REQUIRED, FORBIDDEN
    }

    private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

    MetricsAccess {
        token = token == null ? "" : token.trim();
    }

    Decision decide(String remoteAddress, boolean forwarded, String authorization) {
        if (!enabled) {
            return Decision.DISABLED;
        }
        if (!token.isEmpty() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            return Decision.ALLOW;
        }
        if (loopback && !forwarded && isLoopback(remoteAddress)) {
            return Decision.ALLOW;
        }
        return token.isEmpty() ? Decision.FORBIDDEN : Decision.TOKEN_REQUIRED;
    }

    /** Only a literal address counts (the servlet container gives one); a name is never looked up. */
    static boolean isLoopback(String address) {
        if (address == null || !LITERAL_ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
