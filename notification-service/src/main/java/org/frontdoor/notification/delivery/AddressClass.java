package org.frontdoor.notification.delivery;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * What kind of address a callback resolves to. Only {@link #PUBLIC} may be contacted: every other kind reaches
 * this service's own machine, its network, the cloud's metadata service or no single host, which a partner's
 * callback must never be able to make us call (server-side request forgery).
 */
public enum AddressClass {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address (127.0.0.0/8, ::1)"),
    PRIVATE("a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7)"),
    LINK_LOCAL("a link-local address (169.254.0.0/16, fe80::/10, e.g. the cloud metadata service 169.254.169.254)"),
    SHARED("a shared carrier-grade NAT address (100.64.0.0/10)"),
    BENCHMARK("a benchmarking address (198.18.0.0/15)"),
    MULTICAST("a multicast address (224.0.0.0/4, ff00::/8)"),
    UNSPECIFIED("an unspecified address (0.0.0.0/8, ::)"),
    BROADCAST("the broadcast address 255.255.255.255"),
    RESERVED("a reserved address (240.0.0.0/4)");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** In words, for a 422 or a delivery's last error. */
    public String description() {
        return description;
    }

    public static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ofIpv4(b) : ofIpv6(b);
    }

    private static AddressClass ofIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return UNSPECIFIED;
        }
        if (a0 == 127) {
            return LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return SHARED;
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return BENCHMARK;
        }
        if (a0 >= 224 && a0 <= 239) {
            return MULTICAST;
        }
        if (a0 == 255 && a1 == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
            return BROADCAST;
        }
        return a0 >= 240 ? RESERVED : PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] b) {
        boolean first12Zero = allZero(b, 0, 12);
        if (first12Zero && allZero(b, 12, 15)) {
            return b[15] == 0 ? UNSPECIFIED : b[15] == 1 ? LOOPBACK : ofIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        // an IPv4 address inside IPv6 reaches that IPv4 host: judge the IPv4 address. IPv4-mapped
        // ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || first12Zero) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return ofIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return ofIpv4(Arrays.copyOfRange(b, 2, 6));
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return PRIVATE; // the deprecated site-local fec0::/10
        }
        return b0 == 0xff ? MULTICAST : PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
