package dev.silkway.storefront.cart;

import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The carts of shoppers and guests. A shopper's cart is found by the user, a guest's by the hash of
 * its token; the first write of a guest creates the cart and its token. Quantities never exceed the
 * per-SKU maximum nor, where the marketplace counts it, the stock.
 */
@Service
public class ShopperCarts {

    private final Carts carts;
    private final CartLines lines;
    private final CartProperties limits;
    private final TransactionTemplate transactions;

    ShopperCarts(Carts carts, CartLines lines, CartProperties limits, TransactionTemplate transactions) {
        this.carts = carts;
        this.lines = lines;
        this.limits = limits;
        this.transactions = transactions;
    }

    /**
     * The shopper's cart revalidated now, in one read (empty, without an id, when it has no lines): one statement,
     * consistent without a transaction.
     */
    public Cart ofShopper(UUID userId) {
        return lines.ofUser(userId);
    }

    /**
     * After a quote on {@code cart} (as just read): the prices now shown are the ones the shopper has seen. Nothing
     * to write when no line's price had moved since the shopper last saw it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acknowledgePrices(UUID userId, Cart cart) {
        if (cart.pricesMoved()) {
            carts.acknowledgePricesOfUser(userId);
        }
    }

    /** After an order: the ordered SKUs leave the shopper's cart. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOrdered(UUID userId, java.util.Collection<Long> skuIds) {
        carts.deleteItemsOfSkusOfUser(userId, skuIds.toArray(Long[]::new));
    }

    /**
     * Moves a guest's lines into the shopper's cart: quantities of the same SKU added, capped by the
     * stock and the limits; lines no longer on sale dropped. The guest cart is then deleted. An
     * unknown token changes nothing.
     */
    @Transactional
    public void mergeGuestCart(String token, UUID userId) {
        Optional<UUID> guest = carts.ofToken(CartToken.hash(token));
        if (guest.isEmpty()) {
            return;
        }
        UUID mine = carts.ofUserCreating(userId);
        carts.lock(mine);
        carts.lock(guest.get());
        int count = carts.lineCount(mine);
        for (Carts.Item item : carts.items(guest.get())) {
            var sku = lines.onSale(item.skuId());
            if (sku.isEmpty()) {
                continue;
            }
            int cap = sku.get().cap(limits.maxQuantity());
            var existing = carts.itemOfSku(mine, item.skuId());
            if (existing.isPresent()) {
                int quantity = Math.min(cap, existing.get().quantity() + item.quantity());
                if (quantity > existing.get().quantity()) {
                    carts.updateItem(existing.get().id(), quantity, sku.get().priceFen());
                }
            } else if (count < limits.maxLines() && cap > 0) {
                carts.insertItem(
                        mine,
                        item.skuId(),
                        Math.min(cap, item.quantity()),
                        sku.get().priceFen());
                count++;
            }
        }
        carts.delete(guest.get());
        carts.touch(mine);
    }

    @Transactional(readOnly = true)
    Cart view(Owner owner) {
        return read(find(owner));
    }

    Written add(Owner owner, long productId, long skuId, int quantity) {
        // the SKU first, before the transaction (a single read): one that is not on sale or short of stock even for
        // these units alone is refused before the cart is created, locked or touched, with nothing to roll back
        var sku = lines.onSale(productId, skuId)
                .orElseThrow(() -> ValidationFailed.field("skuId", "is not a SKU of this product on sale"));
        checkQuantity(quantity, sku);
        return transactions.execute(status -> addTo(owner, skuId, quantity, sku));
    }

    private Written addTo(Owner owner, long skuId, int quantity, CartLines.OnSale sku) {
        String newToken = null;
        UUID cartId;
        if (owner.userId() != null) {
            cartId = carts.lockOfUser(owner.userId());
        } else {
            Optional<UUID> guest = find(owner);
            if (guest.isPresent()) {
                cartId = guest.get();
            } else {
                newToken = CartToken.generate();
                cartId = carts.createGuest(CartToken.hash(newToken));
            }
            carts.lock(cartId);
            carts.touch(cartId);
        }
        var occupancy = carts.occupancy(cartId, skuId);
        var existing = occupancy.ofSku();
        int total = quantity + existing.map(Carts.Item::quantity).orElse(0);
        checkQuantity(total, sku);
        if (existing.isPresent()) {
            carts.updateItem(existing.get().id(), total, sku.priceFen());
        } else {
            if (occupancy.lines() >= limits.maxLines()) {
                throw ValidationFailed.field("items", "a cart holds at most " + limits.maxLines() + " lines");
            }
            carts.insertItem(cartId, skuId, quantity, sku.priceFen());
        }
        return new Written(read(Optional.of(cartId)), newToken);
    }

    @Transactional
    Cart change(Owner owner, UUID itemId, int quantity) {
        UUID cartId = find(owner).orElseThrow(() -> NotFound.of("cart item"));
        carts.lock(cartId);
        Carts.Item item = carts.item(cartId, itemId).orElseThrow(() -> NotFound.of("cart item"));
        var sku = lines.onSale(item.skuId())
                .orElseThrow(() -> ValidationFailed.field("itemId", "is no longer on sale; remove it"));
        checkQuantity(quantity, sku);
        carts.updateItem(itemId, quantity, sku.priceFen());
        carts.touch(cartId);
        return read(Optional.of(cartId));
    }

    @Transactional
    Cart remove(Owner owner, UUID itemId) {
        UUID cartId = find(owner).orElseThrow(() -> NotFound.of("cart item"));
        carts.lock(cartId);
        carts.item(cartId, itemId).orElseThrow(() -> NotFound.of("cart item"));
        carts.deleteItem(itemId);
        carts.touch(cartId);
        return read(Optional.of(cartId));
    }

    private void checkQuantity(int quantity, CartLines.OnSale sku) {
        if (quantity > limits.maxQuantity()) {
            throw ValidationFailed.field("quantity", "at most " + limits.maxQuantity() + " units of one SKU");
        }
        if (sku.available() != null && quantity > sku.available()) {
            throw ValidationFailed.field("quantity", "only " + sku.available() + " in stock");
        }
    }

    private Optional<UUID> find(Owner owner) {
        if (owner.userId() != null) {
            return carts.ofUser(owner.userId());
        }
        return owner.token() == null ? Optional.empty() : carts.ofToken(CartToken.hash(owner.token()));
    }

    private Cart read(Optional<UUID> cartId) {
        return cartId.map(id -> Cart.of(id, lines.of(id))).orElseGet(() -> Cart.of(null, List.of()));
    }

    /** Whose cart a request addresses: the signed-in shopper's, else the guest token's. */
    record Owner(@Nullable UUID userId, @Nullable String token) {}

    /** A cart after a write, and the token of a guest cart this write created. */
    record Written(Cart cart, @Nullable String newToken) {}
}
