package dev.silkway.ingestion.generic;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonProvider;
import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.catalogue.CatalogueOffers;
import dev.silkway.ingestion.catalogue.CatalogueSku;
import dev.silkway.ingestion.feed.OfferMapping;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.offer.Prices;
import dev.silkway.ingestion.marketplace.offer.RecordRejected;
import dev.silkway.ingestion.marketplace.offer.RejectionReason;
import dev.silkway.ingestion.marketplace.offer.TextPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of a generic-JSON feed onto the unified offer through the declared JSON paths. A price is yuan (at most
 * two decimals) or fen (an integer), never negative; stock is a non-negative integer; text has no control
 * characters and at most 4,000 characters. An item without SKUs becomes one SKU carrying its own id; a SKU without
 * a price takes the item's. What breaks these rules is a {@link ParseOutcome.Rejected} with the field and the reason.
 */
final class ItemMapper {

    static final Configuration JSON = Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS);
    private static final TextPolicy TEXT = new TextPolicy(TextPolicy.DEFAULT_MAX_CHARS);

    private final String feedCode;
    private final FeedDefinition.Mapping mapping;

    ItemMapper(String feedCode, FeedDefinition.Mapping mapping) {
        this.feedCode = feedCode;
        this.mapping = mapping;
    }

    static JsonProvider provider() {
        return JSON.jsonProvider();
    }

    /** The item's id as text, or empty when it has none (the record is then rejected by {@link #map}). */
    String externalId(Object item) {
        Object id = read(item, mapping.externalId());
        return id instanceof String || id instanceof Number ? scalar(id) : "";
    }

    ParseOutcome<CatalogueOffer> map(String json) {
        Object item;
        try {
            item = provider().parse(json);
        } catch (RuntimeException e) {
            return new ParseOutcome.Rejected<>(RejectionReason.UNPARSEABLE_JSON, "$", "the record is not JSON");
        }
        try {
            return new ParseOutcome.Accepted<>(CatalogueOffers.of(draft(item)));
        } catch (RecordRejected r) {
            return r.toOutcome();
        } catch (CatalogueOffers.InvalidOffer e) {
            return new ParseOutcome.Rejected<>(RejectionReason.INVALID_VALUE, e.field(), e.getMessage());
        }
    }

    private CatalogueOffers.Draft draft(Object item) {
        String id = requiredScalar(item, mapping.externalId(), "externalId");
        String title = text(item, mapping.title(), "title");
        if (title == null) {
            throw RecordRejected.missing("title");
        }
        String unit = mapping.priceUnit();
        Object rawPrice = read(item, mapping.price());
        if (rawPrice == null) {
            throw RecordRejected.missingPrice("price");
        }
        long price = minor("price", rawPrice, unit);
        Long listPrice = mapping.listPrice() == null || read(item, mapping.listPrice()) == null
                ? null
                : minor("listPrice", read(item, mapping.listPrice()), unit);
        if (mapping.currency() != null) {
            String currency = text(item, mapping.currency(), "currency");
            if (currency != null && !currency.equalsIgnoreCase("CNY")) {
                throw RecordRejected.invalid("currency", currency + " is not CNY");
            }
        }
        Integer stock = quantity(item, mapping.stock(), "stock");
        List<CatalogueSku> skus = skus(item, id, price, rawPrice, listPrice, stock);
        List<String> path = categoryPath(item);
        return new CatalogueOffers.Draft(
                feedCode,
                id,
                title,
                text(item, mapping.titleTranslated(), "titleTranslated"),
                text(item, mapping.description(), "description"),
                text(item, mapping.brand(), "brand"),
                mapping.category() == null ? null : optionalScalar(item, mapping.category(), "category"),
                path,
                decimal(item, mapping.rating(), "rating"),
                whole(item, mapping.reviewCount(), "reviewCount"),
                whole(item, mapping.sales(), "sales"),
                text(item, mapping.sourceUrl(), "sourceUrl"),
                strings(item, mapping.images(), "images"),
                List.of(),
                skus);
    }

    private List<CatalogueSku> skus(
            Object item, String id, long price, Object rawPrice, @Nullable Long listPrice, @Nullable Integer stock) {
        String originalUnit = mapping.priceUnit().equals("yuan") ? "MAJOR" : "MINOR";
        FeedDefinition.Skus declared = mapping.skus();
        Object list = declared == null ? null : read(item, declared.items());
        if (declared == null || !(list instanceof List<?> entries) || entries.isEmpty()) {
            return List.of(new CatalogueSku(
                    id,
                    Map.of(),
                    Map.of(),
                    null,
                    price,
                    listPrice,
                    "CNY",
                    scalar(rawPrice),
                    originalUnit,
                    stock,
                    stock == null || stock > 0));
        }
        List<CatalogueSku> skus = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object sku = entries.get(i);
            String field = "skus[" + i + "]";
            String skuId = requiredScalar(sku, declared.id(), field + ".id");
            Object skuRawPrice = declared.price() == null ? null : read(sku, declared.price());
            long skuPrice = skuRawPrice == null ? price : minor(field + ".price", skuRawPrice, mapping.priceUnit());
            Integer skuStock = declared.stock() == null ? stock : quantity(sku, declared.stock(), field + ".stock");
            Map<String, String> original = new LinkedHashMap<>();
            declared.attributes().forEach((name, attributePath) -> {
                String value = text(sku, attributePath, field + "." + name);
                if (value != null) {
                    original.put(name, value);
                }
            });
            skus.add(new CatalogueSku(
                    skuId,
                    OfferMapping.normalized(original),
                    original,
                    null,
                    skuPrice,
                    skuRawPrice == null ? listPrice : null,
                    "CNY",
                    scalar(skuRawPrice == null ? rawPrice : skuRawPrice),
                    originalUnit,
                    skuStock,
                    skuStock == null || skuStock > 0));
        }
        return skus;
    }

    private List<String> categoryPath(Object item) {
        if (mapping.categoryPath() == null) {
            return List.of();
        }
        Object value = read(item, mapping.categoryPath());
        if (value instanceof String s) {
            return List.of(checked("categoryPath", s).split("\\s*(>|/)\\s*"));
        }
        return strings(item, mapping.categoryPath(), "categoryPath");
    }

    /** Through the connectors' {@link Prices}: yuan with at most two decimals, or whole fen, never negative. */
    private static long minor(String field, @Nullable Object value, String unit) {
        BigDecimal amount = number(field, value, "a price");
        if (unit.equals("yuan")) {
            return Prices.yuanToFen(field, amount);
        }
        if (amount.signum() < 0) {
            throw RecordRejected.negativePrice(field, amount.toPlainString());
        }
        try {
            return Prices.fen(field, amount.stripTrailingZeros().longValueExact());
        } catch (ArithmeticException e) {
            throw RecordRejected.invalid(field, amount.toPlainString() + " is not a whole number of fen");
        }
    }

    private static @Nullable Integer quantity(Object node, @Nullable String path, String field) {
        if (path == null || read(node, path) == null) {
            return null;
        }
        BigDecimal stock = number(field, read(node, path), "an integer");
        if (stock.signum() < 0) {
            throw RecordRejected.negativeStock(field, stock.toPlainString());
        }
        try {
            return stock.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValueExact();
        } catch (ArithmeticException e) {
            throw RecordRejected.wrongType(field, "an integer", stock.toPlainString());
        }
    }

    private static @Nullable Long whole(Object node, @Nullable String path, String field) {
        if (path == null || read(node, path) == null) {
            return null;
        }
        try {
            return number(field, read(node, path), "an integer").longValueExact();
        } catch (ArithmeticException e) {
            throw RecordRejected.wrongType(field, "an integer", "a fraction");
        }
    }

    private static @Nullable BigDecimal decimal(Object node, @Nullable String path, String field) {
        if (path == null || read(node, path) == null) {
            return null;
        }
        BigDecimal value = number(field, read(node, path), "a number");
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw RecordRejected.invalid(field, "must be within 0..5");
        }
        return value;
    }

    private static BigDecimal number(String field, @Nullable Object value, String expected) {
        try {
            return switch (value) {
                case Integer i -> BigDecimal.valueOf(i);
                case Long l -> BigDecimal.valueOf(l);
                case java.math.BigInteger b -> new BigDecimal(b);
                case BigDecimal d -> d;
                case Double d -> new BigDecimal(Double.toString(d));
                case Float f -> new BigDecimal(Float.toString(f));
                case String s -> new BigDecimal(s.strip());
                case null -> throw RecordRejected.missing(field);
                default -> throw RecordRejected.wrongType(field, expected, typeOf(value));
            };
        } catch (NumberFormatException e) {
            throw RecordRejected.wrongType(field, expected, "text");
        }
    }

    private static List<String> strings(Object node, @Nullable String path, String field) {
        if (path == null) {
            return List.of();
        }
        Object value = read(node, path);
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(checked(field, s));
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof String s) {
                    out.add(checked(field, s));
                }
            }
        } else if (value != null) {
            throw RecordRejected.wrongType(field, "text or a list of text", typeOf(value));
        }
        return out;
    }

    private static @Nullable String text(Object node, @Nullable String path, String field) {
        if (path == null) {
            return null;
        }
        Object value = read(node, path);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = checked(field, scalar(value));
            return text.isBlank() ? null : text;
        }
        throw RecordRejected.wrongType(field, "text", typeOf(value));
    }

    private static String requiredScalar(Object node, String path, String field) {
        String value = optionalScalar(node, path, field);
        if (value == null || value.isBlank()) {
            throw RecordRejected.missing(field);
        }
        return value;
    }

    private static @Nullable String optionalScalar(Object node, String path, String field) {
        Object value = read(node, path);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
            throw RecordRejected.wrongType(field, "text or a number", typeOf(value));
        }
        return checked(field, scalar(value));
    }

    private static String checked(String field, String value) {
        return TEXT.check(field, value);
    }

    private static String scalar(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> new BigDecimal(Double.toString(d)).toPlainString();
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    static @Nullable Object read(@Nullable Object node, String path) {
        return node == null ? null : JsonPath.using(JSON).parse(node).read(path);
    }

    private static String typeOf(Object value) {
        return switch (value) {
            case Map<?, ?> m -> "an object";
            case List<?> l -> "a list";
            case Boolean b -> "a boolean";
            default -> value.getClass().getSimpleName();
        };
    }
}
