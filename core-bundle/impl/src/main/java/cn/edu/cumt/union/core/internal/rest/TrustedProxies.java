package cn.edu.cumt.union.core.internal.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which direct peers may say who the client is ({@code trusted.proxies} in
 * {@code etc/cn.edu.cumt.union.http.cfg}): addresses and CIDR blocks. Only when the peer is one of
 * them is {@code X-Forwarded-For} read, from the right: the first hop that is not itself a trusted
 * proxy is the client. Anything to the left of it was written by the client and is ignored, so is
 * the whole header when the peer is not trusted. Addresses are parsed as literals, never looked up.
 * Immutable.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    static final String HEADER = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * @param list addresses or CIDR blocks separated by commas or spaces, e.g. {@code 10.0.0.5, 192.168.8.0/24, ::1}
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.trim().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                blocks.add(Block.parse(entry));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * @param peer the address of the direct peer (the TCP connection)
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order (may be null)
     * @return the client's address: the peer, or the right-most untrusted hop when the peer is trusted
     */
    public String clientOf(String peer, Enumeration<String> forwardedFor) {
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || forwardedFor == null || !trusts(peerAddress)) {
            return peerAddress == null ? peer : peerAddress.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(forwardedFor)) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        InetAddress client = peerAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i)));
            if (hop == null) {
                break; // garbage where an address belongs: the last trusted hop is the best we know
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /**
     * @param peer          the address of the direct peer
     * @param forwardedProto the {@code X-Forwarded-Proto} header (may be null)
     * @return whether a trusted proxy says the client reached it over HTTPS; the header of any
     *         other peer is ignored, since the client could have written it
     */
    public boolean forwardedHttps(String peer, String forwardedProto) {
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || forwardedProto == null || !trusts(peerAddress)) {
            return false;
        }
        // a chain of proxies appends: the first value is what the outermost proxy saw
        return "https".equalsIgnoreCase(forwardedProto.split(",")[0].trim());
    }

    boolean trusts(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /** "1.2.3.4:80" and "[::1]:80" are written by some proxies; the port is of no interest. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** @return the address this literal names, or {@code null} when it is not an IP literal (no DNS look-up) */
    static InetAddress literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: parsed, never resolved
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** An address with a prefix length (the whole address when no {@code /n} is given). */
    private record Block(byte[] network, int prefix, String text) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("trusted.proxies: '" + entry + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("trusted.proxies: '" + entry + "' has no valid prefix length (0-" + bits + ")");
                }
            }
            return new Block(address.getAddress(), prefix, entry);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
