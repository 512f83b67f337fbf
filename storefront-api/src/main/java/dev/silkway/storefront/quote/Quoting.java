package dev.silkway.storefront.quote;

import dev.silkway.storefront.cart.Cart;
import dev.silkway.storefront.cart.CartLine;
import dev.silkway.storefront.cart.ShopperCarts;
import dev.silkway.storefront.delivery.DeliveryLine;
import dev.silkway.storefront.delivery.DeliveryLines;
import dev.silkway.storefront.delivery.DeliveryMethod;
import dev.silkway.storefront.delivery.Goods;
import dev.silkway.storefront.delivery.ShippedGoods;
import dev.silkway.storefront.money.CbrRates;
import dev.silkway.storefront.money.Rate;
import dev.silkway.storefront.money.Rounding;
import dev.silkway.storefront.profile.AddressBook;
import dev.silkway.storefront.web.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quotes the shopper's cart, as the shopper last saw it (its version), to one of their addresses
 * by one delivery line, and stores the quote. The prices quoted become the prices the cart has
 * shown (no "price changed" after a quote on them). Each read is one statement and the quote one
 * INSERT, so no transaction is needed (the cart's version stands for what was read) unless a
 * price had moved: then the cart's acknowledgement and the quote commit together.
 */
@Service
class Quoting {

    private final AddressBook addresses;
    private final ShopperCarts carts;
    private final DeliveryLines deliveryLines;
    private final ShippedGoods shipped;
    private final CustomsRules customs;
    private final CbrRates rates;
    private final LandedCost landedCost;
    private final Quotes quotes;
    private final QuoteProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Quoting(
            AddressBook addresses,
            ShopperCarts carts,
            DeliveryLines deliveryLines,
            ShippedGoods shipped,
            CustomsRules customs,
            CbrRates rates,
            LandedCost landedCost,
            Quotes quotes,
            QuoteProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.addresses = addresses;
        this.carts = carts;
        this.deliveryLines = deliveryLines;
        this.shipped = shipped;
        this.customs = customs;
        this.rates = rates;
        this.landedCost = landedCost;
        this.quotes = quotes;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    Quote quote(UUID userId, UUID addressId, DeliveryMethod method, boolean insurance, long cartVersion) {
        String country = addresses.countryOf(userId, addressId);
        Cart cart = carts.ofShopper(userId);
        if (cart.lines().isEmpty()) {
            throw ValidationFailed.field("cartVersion", "the cart is empty");
        }
        if (cart.version() != cartVersion) {
            throw CartChanged.stale(cart);
        }
        if (!cart.orderable()) {
            throw CartChanged.notOrderable(cart);
        }
        DeliveryLine line = deliveryLines
                .byMethod(method)
                .filter(l -> l.serves(country))
                .orElseThrow(() -> ValidationFailed.field("deliveryMethod", "does not deliver to " + country));
        if (insurance && !line.insuranceOffered()) {
            throw ValidationFailed.field("insurance", "is not offered by " + method);
        }
        CustomsRule rule = customs.of(country)
                .orElseThrow(() -> ValidationFailed.field("addressId", "we do not deliver to " + country));
        Map<Long, Goods> goods =
                shipped.of(cart.lines().stream().map(CartLine::skuId).toList());
        List<QuoteItem> items = cart.lines().stream()
                .map(l -> new QuoteItem(l.skuId(), l.title(), l.quantity(), l.priceFen(), goods.get(l.skuId())))
                .toList();
        var ofTheDay = rates.cnyAndEur();
        Rate cny = ofTheDay.cny();
        Rate eur = ofTheDay.eur();
        LandedCost.Result priced = landedCost.price(items, line, rule, cny, eur, insurance);
        if (priced.actualGrams() > line.maxParcelGrams() && priced.split() == null) {
            throw ValidationFailed.field(
                    "deliveryMethod",
                    "the parcel weighs " + priced.actualGrams() + " g, more than the " + line.maxParcelGrams()
                            + " g this line carries");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Quote quote = new Quote(
                UUID.randomUUID(),
                userId,
                cart.version(),
                addressId,
                country,
                method,
                insurance,
                cny,
                eur,
                cart.lines().stream().map(l -> item(l, cny)).toList(),
                priced.lines(),
                priced.total(),
                priced.chargeableGrams(),
                goods.values().stream().anyMatch(Goods::estimated),
                items.stream()
                        .filter(i -> line.restricts(i.goods()))
                        .map(i -> new Quote.Blocked(i.skuId(), i.title(), "restricted on " + method))
                        .toList(),
                priced.split(),
                now,
                now.plus(properties.validity()));
        if (!cart.pricesMoved()) {
            return quotes.save(quote);
        }
        return transactions.execute(status -> {
            carts.acknowledgePrices(userId, cart);
            return quotes.save(quote);
        });
    }

    private static Quote.Item item(CartLine line, Rate cny) {
        return new Quote.Item(
                line.productId(),
                line.skuId(),
                line.title(),
                line.skuAttributes(),
                line.imageUrl(),
                line.quantity(),
                line.priceFen(),
                Rounding.kopecksOf(line.priceFen(), cny));
    }
}
