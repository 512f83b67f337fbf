package dev.silkway.storefront.order;

import dev.silkway.storefront.cart.ShopperCarts;
import dev.silkway.storefront.crypto.PiiCipher;
import dev.silkway.storefront.crypto.PiiColumn;
import dev.silkway.storefront.delivery.DeliveryLines;
import dev.silkway.storefront.profile.AddressBook;
import dev.silkway.storefront.quote.Quote;
import dev.silkway.storefront.quote.QuoteLine;
import dev.silkway.storefront.quote.Quotes;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Places an order from a quote, once per idempotency key: the same key with the same request answers
 * the order it created, with another request 422. In one transaction: the key looked up, the quote
 * checked (the shopper's, unexpired, same address and line, nothing blocked; ordered once, which the
 * unique index on the order's quote enforces), the order, its lines and its snapshot written (address
 * encrypted), its first history row and {@code OrderPlaced} in the outbox, the ordered SKUs taken out
 * of the cart, and last every SKU's units held (in SKU order, so concurrent orders never deadlock):
 * a hold locks the SKU's row until the commit, so it is taken when nothing but the commit is left.
 */
@Service
class OrderPlacement {

    private static final PiiColumn SHIPPING_ADDRESS = PiiColumn.of("orders", "shipping_address_enc");

    private final Orders orders;
    private final StockHolds holds;
    private final Quotes quotes;
    private final AddressBook addresses;
    private final DeliveryLines deliveryLines;
    private final ShopperCarts carts;
    private final OrderLifecycle lifecycle;
    private final PiiCipher cipher;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    OrderPlacement(
            Orders orders,
            StockHolds holds,
            Quotes quotes,
            AddressBook addresses,
            DeliveryLines deliveryLines,
            ShopperCarts carts,
            OrderLifecycle lifecycle,
            PiiCipher cipher,
            JdbcClient jdbc,
            ObjectMapper json,
            TransactionTemplate transactions,
            OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.quotes = quotes;
        this.addresses = addresses;
        this.deliveryLines = deliveryLines;
        this.carts = carts;
        this.lifecycle = lifecycle;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The order's id and whether this call created it (false: an earlier call with the same key did). */
    record Placed(UUID orderId, boolean created) {}

    Placed place(PlaceOrder command) {
        byte[] hash = command.requestHash();
        try {
            return transactions.execute(status ->
                    earlier(command, hash).orElseGet(() -> new Placed(insert(command, hash), true)));
        } catch (DuplicateKeyException e) {
            return earlier(command, hash).orElseThrow(OrderProblems.QuoteNotUsable::alreadyOrdered);
        }
    }

    private Optional<Placed> earlier(PlaceOrder command, byte[] hash) {
        return orders.byIdempotencyKey(command.userId(), command.idempotencyKey())
                .map(keyed -> {
                    if (!Arrays.equals(keyed.requestHash(), hash)) {
                        throw OrderProblems.KeyReused.withOtherBody();
                    }
                    return new Placed(keyed.id(), false);
                });
    }

    private UUID insert(PlaceOrder command, byte[] hash) {
        Quote quote = quotes.of(command.userId(), command.quoteId()).orElseThrow(() -> NotFound.of("quote"));
        Instant now = clock.instant();
        check(command, quote, now);
        var address = addresses.get(command.userId(), command.addressId());
        boolean split = command.split();
        long international = split ? quote.split().delivery() : quote.amount(QuoteLine.Kind.INTERNATIONAL_DELIVERY);
        long duty = split ? quote.split().duty() : quote.amount(QuoteLine.Kind.CUSTOMS_DUTY);
        long total = split ? quote.split().total() : quote.total();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, idempotency_key, request_hash, status, delivery_method, payment_method,
                            address_id, shipping_country, shipping_address_enc, pii_key_id, currency, goods_minor,
                            china_delivery_minor, international_delivery_minor, commission_minor, insurance_minor,
                            customs_duty_minor, discount_minor, total_minor, goods_cny_minor, exchange_rate,
                            exchange_rate_date, chargeable_weight_grams, quote_id, split, snapshot, reserved_until,
                            holds_stock, created_at, updated_at)
                        VALUES (:id, :user, :key, :hash, 'AWAITING_PAYMENT', :method, :payment, :address, :country, :envelope,
                            :keyId, 'RUB', :goods, :china, :international, :fee, :insurance, :duty, :discount, :total,
                            :goodsCny, :rate, :rateDate, :grams, :quote, :split, CAST(:snapshot AS jsonb), :reservedUntil,
                            true, :now, :now)
""")
                .param("id", id)
                .param("user", command.userId())
                .param("key", command.idempotencyKey())
                .param("hash", hash)
                .param("method", quote.deliveryMethod().name())
                .param("payment", command.paymentMethod().name())
                .param("address", address.id())
                .param("country", address.country())
                .param("envelope", cipher.seal(json.writeValueAsString(address), SHIPPING_ADDRESS, id))
                .param("keyId", cipher.activeKeyId())
                .param("goods", quote.amount(QuoteLine.Kind.GOODS))
                .param("china", quote.amount(QuoteLine.Kind.CHINA_DELIVERY))
                .param("international", international)
                .param("fee", quote.amount(QuoteLine.Kind.SERVICE_FEE))
                .param("insurance", quote.amount(QuoteLine.Kind.INSURANCE))
                .param("duty", duty)
                .param("discount", quote.amount(QuoteLine.Kind.DISCOUNT))
                .param("total", total)
                .param(
                        "goodsCny",
                        quote.items().stream()
                                .mapToLong(i -> i.priceFen() * i.quantity())
                                .sum())
                .param("rate", quote.cny().unitRate())
                .param("rateDate", quote.cny().date())
                .param("grams", quote.chargeableGrams())
                .param("quote", quote.id())
                .param("split", split)
                .param("snapshot", json.writeValueAsString(snapshot(quote)))
                .param("reservedUntil", OffsetDateTime.ofInstant(now.plus(properties.reservation()), ZoneOffset.UTC))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        insertLines(id, quote);
        orders.recordTransition(
                id, null, OrderStatus.AWAITING_PAYMENT, OrderSource.SHOPPER, command.userId(), null, now);
        lifecycle.publish(id, null, OrderStatus.AWAITING_PAYMENT, OrderSource.SHOPPER, now);
        carts.removeOrdered(
                command.userId(), quote.items().stream().map(Quote.Item::skuId).toList());
        for (Quote.Item item : quote.items().stream()
                .sorted(Comparator.comparingLong(Quote.Item::skuId))
                .toList()) {
            if (!holds.hold(item.skuId(), item.quantity())) {
                throw OrderProblems.OutOfStock.forSku(item.skuId());
            }
        }
        return id;
    }

    private void check(PlaceOrder command, Quote quote, Instant now) {
        if (!quote.expiresAt().isAfter(now)) {
            throw OrderProblems.QuoteNotUsable.expired();
        }
        if (!quote.addressId().equals(command.addressId())) {
            throw ValidationFailed.field("addressId", "is not the address of the quote");
        }
        if (quote.deliveryMethod() != command.deliveryMethod()) {
            throw ValidationFailed.field("deliveryMethod", "is not the delivery method of the quote");
        }
        if (command.split() && quote.split() == null) {
            throw ValidationFailed.field("split", "the quote proposes no split");
        }
        if (!quote.blocked().isEmpty()) {
            throw OrderProblems.QuoteNotUsable.blocked();
        }
    }

    private void insertLines(UUID orderId, Quote quote) {
        int lineNo = 0;
        for (Quote.Item item : quote.items()) {
            int updated = jdbc.sql("""
                            INSERT INTO order_lines (order_id, line_no, product_id, sku_id, marketplace_code,
                                external_product_id, external_sku_id, title, sku_attributes, image_url, quantity,
                                source_unit_price_minor, source_currency, unit_price_minor, currency, line_total_minor)
                            SELECT :order, :no, p.id, k.id, p.marketplace_code, p.external_id, k.external_id, :title,
                                   CAST(:attributes AS jsonb), :image, :quantity, :fen, 'CNY', :unit, 'RUB', :lineTotal
                            FROM skus k JOIN products p ON p.id = k.product_id WHERE k.id = :sku""")
                    .param("order", orderId)
                    .param("no", ++lineNo)
                    .param("title", item.title())
                    .param("attributes", json.writeValueAsString(item.skuAttributes()))
                    .param("image", item.imageUrl())
                    .param("quantity", item.quantity())
                    .param("fen", item.priceFen())
                    .param("unit", item.unitKopecks())
                    .param("lineTotal", item.lineKopecks())
                    .param("sku", item.skuId())
                    .update();
            if (updated != 1) {
                throw OrderProblems.OutOfStock.forSku(item.skuId());
            }
        }
    }

    private Map<String, Object> snapshot(Quote quote) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("quoteId", quote.id().toString());
        snapshot.put("lines", quote.lines());
        snapshot.put(
                "cnyRate",
                Map.of(
                        "value",
                        quote.cny().unitRate(),
                        "date",
                        quote.cny().date().toString()));
        snapshot.put(
                "eurRate",
                Map.of(
                        "value",
                        quote.eur().unitRate(),
                        "date",
                        quote.eur().date().toString()));
        snapshot.put(
                "deliveryLine", deliveryLines.byMethod(quote.deliveryMethod()).orElse(null));
        snapshot.put("chargeableWeightGrams", quote.chargeableGrams());
        snapshot.put("estimatedWeights", quote.estimatedWeights());
        snapshot.put("split", quote.split());
        snapshot.put("items", quote.items());
        return snapshot;
    }
}
