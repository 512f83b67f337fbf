package dev.silkway.storefront.order;

import dev.silkway.storefront.cart.ShopperCarts;
import dev.silkway.storefront.crypto.PiiCipher;
import dev.silkway.storefront.crypto.PiiColumn;
import dev.silkway.storefront.delivery.DeliveryLines;
import dev.silkway.storefront.profile.AddressBook;
import dev.silkway.storefront.quote.Quote;
import dev.silkway.storefront.quote.QuoteLine;
import dev.silkway.storefront.quote.Quotes;
import dev.silkway.storefront.web.ApiException;
import dev.silkway.storefront.web.NotFound;
import dev.silkway.storefront.web.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Places an order from a quote, once per idempotency key: the same key with the same request answers
 * the order it created, with another request 422. First the quote checked (the shopper's, unexpired, same
 * address and line, nothing blocked), the address sealed and the snapshot serialized, without a transaction;
 * then in one transaction the order and its lines in one statement (ordered once per quote and once per key,
 * which unique indexes enforce: a retry or a concurrent twin fails there and answers as a retry, and so does
 * one whose quote can no longer be used: only then is the key looked up), its first history row and
 * {@code OrderPlaced} in the outbox, the ordered SKUs taken out
 * of the cart, and last every SKU's units held (in SKU order, so concurrent orders never deadlock): a hold
 * locks the SKU's row until the commit, so it is taken when nothing but the commit is left.
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
    private final OrderPayments payments;
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
            OrderPayments payments,
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
        this.payments = payments;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The order's id and whether this call created it (false: an earlier call with the same key did); when
     * it did, the order as written, so that the answer need not read back what this call just wrote.
     */
    record Placed(UUID orderId, boolean created, @Nullable Written written) {}

    /**
     * An order as this call wrote it: its row, lines, the quote's lines, its first status and its first payment
     * attempt (to be sent to its provider once the order has committed).
     */
    record Written(
            OrderRecord order,
            List<Orders.Line> lines,
            List<QuoteLine> quoteLines,
            Orders.Transition placed,
            OrderPayments.FirstAttempt payment) {}

    /**
     * Before the transaction, the quote and address read and checked and the address sealed and the snapshot
     * serialized, so that the transaction holds its connection for its writes only; the key looked up only
     * when the quote cannot be used or the order's unique indexes refuse it (a retry answers its order,
     * whatever became of the quote since).
     */
    Placed place(PlaceOrder command) {
        byte[] hash = command.requestHash();
        Prepared prepared;
        try {
            prepared = prepare(command, hash);
        } catch (ApiException unusable) {
            // a retry answers its order whatever became of the quote or the address since
            return earlier(command, hash).orElseThrow(() -> unusable);
        }
        try {
            return transactions.execute(status -> insert(prepared));
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
                    return new Placed(keyed.id(), false, null);
                });
    }

    /** The order to write, everything computed: the transaction only sends it. */
    private record Prepared(
            PlaceOrder command, byte[] hash, Quote quote, OrderRecord order, byte[] envelope, String snapshot) {}

    private Prepared prepare(PlaceOrder command, byte[] hash) {
        Quote quote = quotes.of(command.userId(), command.quoteId()).orElseThrow(() -> NotFound.of("quote"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        check(command, quote, now);
        var address = addresses.get(command.userId(), command.addressId());
        boolean split = command.split();
        UUID id = UUID.randomUUID();
        var order = new OrderRecord(
                id,
                0,
                command.userId(),
                OrderStatus.AWAITING_PAYMENT,
                quote.deliveryMethod().name(),
                command.paymentMethod().name(),
                address.country(),
                quote.amount(QuoteLine.Kind.GOODS),
                quote.amount(QuoteLine.Kind.CHINA_DELIVERY),
                split ? quote.split().delivery() : quote.amount(QuoteLine.Kind.INTERNATIONAL_DELIVERY),
                quote.amount(QuoteLine.Kind.SERVICE_FEE),
                quote.amount(QuoteLine.Kind.INSURANCE),
                split ? quote.split().duty() : quote.amount(QuoteLine.Kind.CUSTOMS_DUTY),
                quote.amount(QuoteLine.Kind.DISCOUNT),
                split ? quote.split().total() : quote.total(),
                split,
                quote.id(),
                now.plus(properties.reservation()),
                now);
        return new Prepared(
                command,
                hash,
                quote,
                order,
                cipher.seal(json.writeValueAsString(address), SHIPPING_ADDRESS, id),
                json.writeValueAsString(snapshot(quote)));
    }

    private Placed insert(Prepared prepared) {
        OrderRecord order = prepared.order();
        Quote quote = prepared.quote();
        UUID id = order.id();
        List<Quote.Item> items = quote.items();
        List<WrittenRow> rows = jdbc.sql("""
                        WITH o AS (
                            INSERT INTO orders (id, user_id, idempotency_key, request_hash, status, delivery_method,
                                payment_method, address_id, shipping_country, shipping_address_enc, pii_key_id, currency,
                                goods_minor, china_delivery_minor, international_delivery_minor, commission_minor,
                                insurance_minor, customs_duty_minor, discount_minor, total_minor, goods_cny_minor,
                                exchange_rate, exchange_rate_date, chargeable_weight_grams, quote_id, split, snapshot,
                                reserved_until, holds_stock, created_at, updated_at)
                            VALUES (:id, :user, :key, :hash, 'AWAITING_PAYMENT', :method, :payment, :address, :country,
                                :envelope, :keyId, 'RUB', :goods, :china, :international, :fee, :insurance, :duty,
                                :discount, :total, :goodsCny, :rate, :rateDate, :grams, :quote, :split,
                                CAST(:snapshot AS jsonb), :reservedUntil, true, :now, :now)
                            RETURNING id, order_number),
                        l AS (
                            INSERT INTO order_lines (order_id, line_no, product_id, sku_id, marketplace_code,
                                external_product_id, external_sku_id, title, sku_attributes, image_url, quantity,
                                source_unit_price_minor, source_currency, unit_price_minor, currency, line_total_minor)
                            SELECT o.id, i.no::integer, p.id, k.id, p.marketplace_code, p.external_id, k.external_id,
                                   i.title, CAST(i.attributes AS jsonb), i.image, i.quantity, i.fen, 'CNY', i.unit, 'RUB',
                                   i.line_total
                            FROM o, unnest(CAST(:skus AS bigint[]), CAST(:titles AS text[]),
                                        CAST(:attributes AS text[]), CAST(:images AS text[]),
                                        CAST(:quantities AS integer[]), CAST(:fens AS bigint[]), CAST(:units AS bigint[]),
                                        CAST(:totals AS bigint[]))
                                 WITH ORDINALITY AS i(sku, title, attributes, image, quantity, fen, unit, line_total, no)
                            JOIN skus k ON k.id = i.sku JOIN products p ON p.id = k.product_id
                            ORDER BY i.no
                            RETURNING line_no, id, product_id)
                        SELECT o.order_number, l.line_no, l.id, l.product_id FROM o LEFT JOIN l ON true""")
                .param("id", id)
                .param("user", order.userId())
                .param("key", prepared.command().idempotencyKey())
                .param("hash", prepared.hash())
                .param("method", order.deliveryMethod())
                .param("payment", order.paymentMethod())
                .param("address", prepared.command().addressId())
                .param("country", order.country())
                .param("envelope", prepared.envelope())
                .param("keyId", cipher.activeKeyId())
                .param("goods", order.goods())
                .param("china", order.chinaDelivery())
                .param("international", order.internationalDelivery())
                .param("fee", order.serviceFee())
                .param("insurance", order.insurance())
                .param("duty", order.customsDuty())
                .param("discount", order.discount())
                .param("total", order.total())
                .param(
                        "goodsCny",
                        items.stream()
                                .mapToLong(i -> i.priceFen() * i.quantity())
                                .sum())
                .param("rate", quote.cny().unitRate())
                .param("rateDate", quote.cny().date())
                .param("grams", quote.chargeableGrams())
                .param("quote", quote.id())
                .param("split", order.split())
                .param("snapshot", prepared.snapshot())
                .param("reservedUntil", OffsetDateTime.ofInstant(order.reservedUntil(), ZoneOffset.UTC))
                .param("now", OffsetDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC))
                .param("skus", items.stream().map(Quote.Item::skuId).toArray(Long[]::new))
                .param("titles", items.stream().map(Quote.Item::title).toArray(String[]::new))
                .param(
                        "attributes",
                        items.stream()
                                .map(i -> json.writeValueAsString(i.skuAttributes()))
                                .toArray(String[]::new))
                .param("images", items.stream().map(Quote.Item::imageUrl).toArray(String[]::new))
                .param("quantities", items.stream().map(Quote.Item::quantity).toArray(Integer[]::new))
                .param("fens", items.stream().map(Quote.Item::priceFen).toArray(Long[]::new))
                .param("units", items.stream().map(Quote.Item::unitKopecks).toArray(Long[]::new))
                .param("totals", items.stream().map(Quote.Item::lineKopecks).toArray(Long[]::new))
                .query((rs, n) ->
                        new WrittenRow(rs.getLong(1), rs.getObject(2, Integer.class), rs.getLong(3), rs.getLong(4)))
                .list();
        long number = rows.getFirst().orderNumber();
        List<Orders.Line> lines = lines(quote, rows);
        UUID by = order.userId();
        Instant now = order.createdAt();
        orders.recordTransition(id, null, OrderStatus.AWAITING_PAYMENT, OrderSource.SHOPPER, by, null, now);
        lifecycle.publish(id, null, OrderStatus.AWAITING_PAYMENT, OrderSource.SHOPPER, now);
        carts.removeOrdered(by, quote.items().stream().map(Quote.Item::skuId).toList());
        for (Quote.Item item : quote.items().stream()
                .sorted(Comparator.comparingLong(Quote.Item::skuId))
                .toList()) {
            if (!holds.hold(item.skuId(), item.quantity())) {
                throw OrderProblems.OutOfStock.forSku(item.skuId());
            }
        }
        var payment = payments.firstAttempt(new OrderPayments.NewOrder(
                id, number, order.total(), "RUB", order.paymentMethod(), order.country(), order.reservedUntil()));
        return new Placed(
                id,
                true,
                new Written(
                        withNumber(order, number),
                        lines,
                        quote.lines(),
                        new Orders.Transition(
                                null, OrderStatus.AWAITING_PAYMENT.name(), OrderSource.SHOPPER.name(), null, now),
                        payment));
    }

    /** A row of the order's INSERT: the order's number, and one written line (none when no line was written). */
    private record WrittenRow(long orderNumber, @Nullable Integer lineNo, long lineId, long productId) {}

    private static OrderRecord withNumber(OrderRecord o, long number) {
        return new OrderRecord(
                o.id(),
                number,
                o.userId(),
                o.status(),
                o.deliveryMethod(),
                o.paymentMethod(),
                o.country(),
                o.goods(),
                o.chinaDelivery(),
                o.internationalDelivery(),
                o.serviceFee(),
                o.insurance(),
                o.customsDuty(),
                o.discount(),
                o.total(),
                o.split(),
                o.quoteId(),
                o.reservedUntil(),
                o.createdAt());
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

    /**
     * The order's lines as written: one per quote item, with the product's identity at the marketplace from the
     * catalogue; a SKU no longer in the catalogue was not written, and is out of stock.
     */
    private static List<Orders.Line> lines(Quote quote, List<WrittenRow> rows) {
        Map<Integer, WrittenRow> written = new HashMap<>();
        for (WrittenRow row : rows) {
            if (row.lineNo() != null) {
                written.put(row.lineNo(), row);
            }
        }
        List<Quote.Item> items = quote.items();
        List<Orders.Line> lines = new ArrayList<>();
        for (int no = 1; no <= items.size(); no++) {
            Quote.Item item = items.get(no - 1);
            WrittenRow line = written.get(no);
            if (line == null) {
                throw OrderProblems.OutOfStock.forSku(item.skuId());
            }
            lines.add(new Orders.Line(
                    line.lineId(),
                    line.productId(),
                    item.skuId(),
                    item.title(),
                    item.skuAttributes(),
                    item.imageUrl(),
                    item.quantity(),
                    item.priceFen(),
                    item.unitKopecks(),
                    item.lineKopecks()));
        }
        return lines;
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
