package dev.silkway.sandbox.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * The deterministic catalogue: item {@code i} of a platform is generated on demand from (seed, platform, i), so a
 * million products cost no memory. Names, ids and variants depend on the seed only; prices and stock also on the
 * generation (default: today's epoch day), so they drift between runs.
 */
@Component
public class Catalogue {

    private final SandboxProperties properties;
    private final FaultSettings faults;
    private final Clock clock;

    public Catalogue(SandboxProperties properties, FaultSettings faults, Clock clock) {
        this.properties = properties;
        this.faults = faults;
        this.clock = clock;
    }

    public long size() {
        return properties.productsPerMarketplace();
    }

    public boolean contains(long index) {
        return index >= 0 && index < size();
    }

    public long generation() {
        Long configured = properties.generation();
        return configured != null ? configured : LocalDate.now(clock).toEpochDay();
    }

    public List<CatalogueItem> page(Platform platform, long offset, int limit) {
        List<CatalogueItem> items = new ArrayList<>();
        for (long i = offset; i < Math.min(size(), offset + limit); i++) {
            items.add(item(platform, i));
        }
        return items;
    }

    public CatalogueItem item(Platform platform, long index) {
        SplittableRandom stable = new SplittableRandom(Hashing.mix(properties.seed(), platform.ordinal(), index));
        SplittableRandom drift =
                new SplittableRandom(Hashing.mix(properties.seed(), platform.ordinal(), index, generation()));
        int kindIndex = stable.nextInt(Vocabulary.KINDS.size());
        Vocabulary.Kind kind = Vocabulary.KINDS.get(kindIndex);
        Vocabulary.Brand brand = Vocabulary.BRANDS.get(stable.nextInt(Vocabulary.BRANDS.size()));
        Vocabulary.Attribute adjective = Vocabulary.ADJECTIVES.get(stable.nextInt(Vocabulary.ADJECTIVES.size()));
        Vocabulary.Attribute gender = Vocabulary.GENDERS.get(stable.nextInt(Vocabulary.GENDERS.size()));
        long model = 100 + stable.nextInt(900);
        String zh = "%s %s %s%s %s 款号%d".formatted(brand.zh(), adjective.zh(), gender.zh(), kind.zh(), "正品", model);
        String en = "%s %s %s %s %d".formatted(brand.en(), adjective.en(), gender.en(), kind.en(), model);
        String ru = "%s %s %s %s %d".formatted(kind.ru(), brand.en(), gender.ru(), adjective.ru(), model);
        long base = kind.minFen() + stable.nextLong(kind.maxFen() - kind.minFen());
        long price = Math.round(base * (0.9 + 0.2 * drift.nextDouble()) / 10) * 10;
        List<CatalogueItem.Variant> variants = variants(kind, stable, drift, price);
        int stock = variants.stream().mapToInt(CatalogueItem.Variant::stock).sum();
        double rating = Math.round((3.8 + 1.2 * stable.nextDouble()) * 10) / 10.0;
        return new CatalogueItem(
                platform,
                index,
                zh,
                en,
                ru,
                brand.zh(),
                brand.en(),
                kindIndex,
                kind.level1(),
                kind.level2(),
                price,
                Math.round(base * 1.3 / 100) * 100,
                stock,
                variants,
                rating,
                stable.nextLong(20_000),
                stable.nextLong(100_000),
                malformation(platform, index));
    }

    /** Deterministic per (seed, platform, item) at the current malformed rate. */
    public Malformation malformation(Platform platform, long index) {
        long hash = Hashing.mix(properties.seed(), platform.ordinal(), index, 0x6D616C66L);
        if (Hashing.unit(hash) >= faults.current().malformed()) {
            return Malformation.NONE;
        }
        List<Malformation> kinds = Malformation.applicable(platform);
        return kinds.get((int) Math.floorMod(Hashing.mix(hash), (long) kinds.size()));
    }

    private static List<CatalogueItem.Variant> variants(
            Vocabulary.Kind kind, SplittableRandom stable, SplittableRandom drift, long price) {
        List<String> sizes = switch (kind.sizes()) {
            case SHOES -> window(Vocabulary.SHOE_SIZES, stable, 4);
            case CLOTHES -> window(Vocabulary.CLOTHES_SIZES, stable, 3);
            case NONE -> List.of("");
        };
        List<String> colours = window(Vocabulary.COLOURS, stable, 1 + stable.nextInt(3));
        List<CatalogueItem.Variant> variants = new ArrayList<>();
        for (String colour : colours) {
            for (String size : sizes) {
                long skuPrice = price + 100L * drift.nextInt(3);
                variants.add(new CatalogueItem.Variant(variants.size(), colour, size, skuPrice, drift.nextInt(0, 300)));
            }
        }
        return variants;
    }

    private static List<String> window(List<String> values, SplittableRandom random, int count) {
        int start = random.nextInt(Math.max(1, values.size() - count + 1));
        return values.subList(start, Math.min(values.size(), start + count));
    }
}
