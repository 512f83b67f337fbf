package dev.silkway.storefront.payment.yookassa;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A list of source networks (CIDR) and whether an address is within one of them. */
record Networks(List<Network> networks) {

    static Networks of(List<String> cidrs) {
        return new Networks(cidrs.stream().map(Network::parse).toList());
    }

    boolean contain(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** One network: its address bytes and prefix length ("185.71.76.0/27", "2a02:5180::/32", "::1/128"). */
    record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not a network address: " + cidr);
            }
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix in " + cidr);
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a network: " + cidr, e);
            }
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
