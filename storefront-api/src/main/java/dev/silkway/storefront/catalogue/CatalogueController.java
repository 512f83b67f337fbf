package dev.silkway.storefront.catalogue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.silkway.storefront.quote.DeliveryOptions;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue API (API.md, catalogue): no token needed. */
@RestController
@RequestMapping("/api/v1")
class CatalogueController {

    private final ProductSearch search;
    private final ProductPages pages;
    private final CategoryCounts categories;
    private final Marketplaces marketplaces;
    private final LazyTranslations translations;
    private final DeliveryOptions delivery;

    CatalogueController(
            ProductSearch search,
            ProductPages pages,
            CategoryCounts categories,
            Marketplaces marketplaces,
            LazyTranslations translations,
            DeliveryOptions delivery) {
        this.delivery = delivery;
        this.search = search;
        this.pages = pages;
        this.categories = categories;
        this.marketplaces = marketplaces;
        this.translations = translations;
    }

    @Operation(summary = "Search the catalogue with facets and a cursor")
    @GetMapping("/products")
    Views.SearchPage products(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> category,
            @RequestParam(required = false) @Nullable List<String> marketplace,
            @RequestParam(required = false) @Nullable List<String> brand,
            @RequestParam(required = false) @Nullable String priceMin,
            @RequestParam(required = false) @Nullable String priceMax,
            @RequestParam(required = false) @Nullable String ratingMin,
            @RequestParam(required = false) @Nullable String inStock,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String size,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage)
            throws IOException {
        return search.search(
                new SearchParameters(
                        q, category, marketplace, brand, priceMin, priceMax, ratingMin, inStock, sort, size, cursor),
                ShopperLanguage.of(lang, acceptLanguage));
    }

    @Operation(summary = "Suggest title completions")
    @GetMapping("/products/suggest")
    Views.Suggestions suggest(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String size,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage)
            throws IOException {
        int limit = 8;
        if (size != null && !size.isBlank()) {
            try {
                limit = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                throw InvalidParameter.of("size", "must be a whole number");
            }
            if (limit < 1 || limit > 20) {
                throw InvalidParameter.of("size", "must be between 1 and 20");
            }
        }
        return search.suggest(q, limit, ShopperLanguage.of(lang, acceptLanguage));
    }

    /** The product page with its delivery options to {@code country} (checkout's {@link DeliveryOptions}). */
    @Operation(summary = "Read a product page with its SKUs and prices")
    @GetMapping("/products/{id}")
    ProductWithDelivery product(
            @PathVariable String id,
            @RequestParam(defaultValue = "RU") String country,
            @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        ShopperLanguage language = ShopperLanguage.of(lang, acceptLanguage);
        if (!id.matches("\\d{1,18}")) {
            throw ProductNotFound.forId(id);
        }
        if (!country.matches("[A-Z]{2}")) {
            throw InvalidParameter.of("country", "must be an ISO 3166-1 alpha-2 code");
        }
        translations.ensure(Long.parseLong(id));
        var page = pages.find(Long.parseLong(id), language).orElseThrow(() -> ProductNotFound.forId(id));
        return new ProductWithDelivery(page, delivery.forProduct(Long.parseLong(id), country));
    }

    record ProductWithDelivery(@JsonUnwrapped ProductPages.ProductPage page, List<DeliveryOptions.Option> delivery) {}

    @Operation(summary = "Read the unified category tree with product counts")
    @GetMapping("/categories")
    List<CategoryCounts.Node> categories() {
        return categories.tree();
    }

    @Operation(summary = "List the marketplaces that have products")
    @GetMapping("/marketplaces")
    List<Marketplaces.MarketplaceView> marketplaces() {
        return marketplaces.list();
    }
}
