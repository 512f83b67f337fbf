package dev.silkway.ingestion.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not on the public internet (IANA special-purpose registries, RFC 6890 and successors). An
 * IPv6 address is public only inside 2000::/3 and outside its special blocks; NAT64 (64:ff9b::/96) and 6to4
 * (2002::/16) addresses are judged by the IPv4 address they carry.
 */
final class AddressRanges {

    private record Block(byte[] prefix, int bits, String reason) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0", 8, "an unspecified (this-network) address"),
            block("10.0.0.0", 8, "a private address"),
            block("100.64.0.0", 10, "a carrier-grade NAT address"),
            block("127.0.0.0", 8, "a loopback address"),
            block("169.254.0.0", 16, "a link-local address"),
            block("172.16.0.0", 12, "a private address"),
            block("192.0.0.0", 24, "an IETF protocol address"),
            block("192.0.2.0", 24, "a documentation address"),
            block("192.31.196.0", 24, "an AS112 address"),
            block("192.52.193.0", 24, "an AMT address"),
            block("192.88.99.0", 24, "a 6to4 relay address"),
            block("192.168.0.0", 16, "a private address"),
            block("192.175.48.0", 24, "an AS112 address"),
            block("198.18.0.0", 15, "a benchmarking address"),
            block("198.51.100.0", 24, "a documentation address"),
            block("203.0.113.0", 24, "a documentation address"),
            block("224.0.0.0", 4, "a multicast address"),
            block("240.0.0.0", 4, "a reserved address"));

    private static final List<Block> IPV6 = List.of(
            block("64:ff9b:1::", 48, "a local-use NAT64 address"),
            block("2001::", 23, "an IETF protocol address (Teredo, benchmarking, ORCHID)"),
            block("2001:db8::", 32, "a documentation address"),
            block("3fff::", 20, "a documentation address"),
            block("fc00::", 7, "a unique-local (private) address"),
            block("fe80::", 10, "a link-local address"),
            block("ff00::", 8, "a multicast address"));

    private static final Block GLOBAL_UNICAST = block("2000::", 3, "");
    private static final Block NAT64 = block("64:ff9b::", 96, "");
    private static final Block SIX_TO_FOUR = block("2002::", 16, "");

    private AddressRanges() {}

    /** Why {@code address} is not public, or empty when it is. */
    static Optional<String> nonPublic(InetAddress address) {
        byte[] raw = address.getAddress();
        return switch (address) {
            case Inet4Address v4 -> first(IPV4, raw);
            case Inet6Address v6 -> ipv6(v6, raw);
            default -> Optional.of("an address of an unknown family");
        };
    }

    private static Optional<String> ipv6(Inet6Address address, byte[] raw) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isIPv4CompatibleAddress()) {
            return Optional.of("an IPv4-compatible IPv6 address");
        }
        if (NAT64.contains(raw)) {
            return embedded(raw, 12).map(reason -> "a NAT64 address of " + reason);
        }
        Optional<String> special = first(IPV6, raw);
        if (special.isPresent()) {
            return special;
        }
        if (SIX_TO_FOUR.contains(raw)) {
            return embedded(raw, 2).map(reason -> "a 6to4 address of " + reason);
        }
        return GLOBAL_UNICAST.contains(raw) ? Optional.empty() : Optional.of("a reserved IPv6 address");
    }

    private static Optional<String> embedded(byte[] raw, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(raw, from, v4, 0, 4);
        return first(IPV4, v4);
    }

    private static Optional<String> first(List<Block> blocks, byte[] raw) {
        return blocks.stream().filter(b -> b.contains(raw)).map(Block::reason).findFirst();
    }

    private static Block block(String literal, int bits, String reason) {
        try {
            // Literals only: no name is ever resolved here.
            return new Block(InetAddress.getByName(literal).getAddress(), bits, reason);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
