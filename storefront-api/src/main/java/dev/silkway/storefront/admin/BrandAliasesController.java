package dev.silkway.storefront.admin;

import dev.silkway.storefront.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brands' spellings (role ADMIN): {@code GET /api/v1/admin/brand-aliases?q=&page=&size=} lists
 * brands with their Chinese name and aliases; {@code PUT /api/v1/admin/brand-aliases/{brandId}
 * {nameZh?, aliases:[...]}} replaces them, and the brand's products (and those of every brand an
 * alias names) are reindexed. Audited.
 */
@RestController
@RequestMapping("/api/v1/admin/brand-aliases")
@Validated
class BrandAliasesController {

    private final BrandAliases brands;
    private final AuditLog audit;

    BrandAliasesController(BrandAliases brands, AuditLog audit) {
        this.brands = brands;
        this.audit = audit;
    }

    record BrandsView(List<BrandAliases.Brand> items, long total) {}

    record AliasesRequest(
            @Size(max = 200) @Nullable String nameZh,
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 200) String> aliases) {}

    @GetMapping
    BrandsView list(
            @RequestParam(required = false) @Size(max = 200) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        BrandAliases.Page found = brands.list(q, page, size);
        return new BrandsView(found.items(), found.total());
    }

    @PutMapping("/{brandId}")
    @Transactional
    BrandAliases.Brand replace(
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http,
            @PathVariable long brandId,
            @Valid @RequestBody AliasesRequest request) {
        int reindexed =
                brands.replace(brandId, request.nameZh(), request.aliases()).orElseThrow(() -> NotFound.of("brand"));
        BrandAliases.Brand brand = brands.find(brandId).orElseThrow(() -> NotFound.of("brand"));
        audit.record(
                AdminController.actor(jwt, http),
                "BRAND_ALIASES_CHANGED",
                "brand",
                Long.toString(brandId),
                Map.of("aliases", brand.aliases(), "nameZh", String.valueOf(brand.nameZh()), "reindexed", reindexed));
        return brand;
    }
}
