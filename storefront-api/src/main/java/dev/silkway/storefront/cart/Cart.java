package dev.silkway.storefront.cart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cart as a read shows it. {@code version} is a fingerprint (53 bits, safe as a JSON number) of
 * every line's item, SKU, quantity, current price, price change and stock or availability state:
 * it changes whenever anything the shopper sees in the cart changes, and only then.
 */
public record Cart(@Nullable UUID id, long version, List<CartLine> lines) {

    static Cart of(@Nullable UUID id, List<CartLine> lines) {
        return new Cart(id, fingerprint(lines), List.copyOf(lines));
    }

    public boolean orderable() {
        return !lines.isEmpty() && lines.stream().allMatch(CartLine::orderable);
    }

    /** Whether a line's price moved since the shopper last saw it. */
    public boolean pricesMoved() {
        return lines.stream().anyMatch(CartLine::priceChanged);
    }

    /** The lines a shopper must look at again: price moved, short of stock, or unavailable. */
    public List<CartLine> changedLines() {
        return lines.stream().filter(l -> l.priceChanged() || !l.orderable()).toList();
    }

    private static long fingerprint(List<CartLine> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CartLine line : lines) {
                sha.update(line.state().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            byte[] digest = sha.digest();
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value & ((1L << 53) - 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
