package dev.silkway.ingestion.bench;

import dev.silkway.ingestion.catalogue.CatalogueOffer;
import dev.silkway.ingestion.feed.MarketplaceFeed;
import dev.silkway.ingestion.feed.RawRecord;
import dev.silkway.ingestion.marketplace.offer.ParseOutcome;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoClient;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoProperties;
import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import dev.silkway.ingestion.pipeline.ReadAhead;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's offers: Pinduoduo {@code goods_list[]} items shaped like the sandbox's (two images, shop, brand,
 * two-level category, group and single-buyer price in fen, rating, sales tip), parsed by the real Pinduoduo parser.
 * Between generations 1% of the offers change price.
 */
final class BenchOffers {

    static final String FEED = "pinduoduo";

    private final MarketplaceFeed feed = new MarketplaceFeed(
            PinduoduoClient.create(new PinduoduoProperties(
                    URI.create("http://127.0.0.1:9"),
                    "bench",
                    "bench",
                    "",
                    "",
                    "",
                    100,
                    List.of("52101"),
                    TransportSettings.defaults(),
                    4000)),
            100,
            TransportSettings.defaults());

    /** Raw record {@code i} of generation {@code generation}. */
    static RawRecord raw(int i, int generation) {
        long price = 1_000 + (i % 5_000) * 10L + (i % 100 == 0 ? generation * 100L : 0);
        long goodsId = 100_000_000L + i;
        String json = ("{\"goods_id\":%d,\"goods_name\":\"耐克 运动鞋 男款 跑步鞋 款号%d\","
                        + "\"goods_desc\":\"耐克 运动鞋 男款 跑步鞋 款号%d，拼单更优惠，全国包邮\","
                        + "\"goods_image_url\":\"https://img.example.com/pdd/%d/0.jpg\","
                        + "\"goods_thumbnail_url\":\"https://img.example.com/pdd/%d/1.jpg\","
                        + "\"min_group_price\":%d,\"min_normal_price\":%d,\"coupon_discount\":300,"
                        + "\"mall_name\":\"品牌%d官方旗舰店\",\"brand_name\":\"Brand %d\",\"category_id\":%d,"
                        + "\"category_name\":\"运动鞋\",\"opt_id\":%d,\"opt_name\":\"鞋靴\",\"sales_tip\":\"1万+\","
                        + "\"promotion_rate\":120,\"goods_eval_score\":4.8,\"goods_eval_count\":%d}")
                .formatted(
                        goodsId,
                        i,
                        i,
                        i,
                        i,
                        price,
                        price + 500,
                        i % 500,
                        i % 500,
                        1000 + i % 50,
                        10 + i % 50,
                        i % 1000);
        return new RawRecord(FEED, Long.toString(goodsId), json, 1 + i / 100, i % 100);
    }

    /** One offer as the read-ahead hands it over: its raw JSON's length and what the parser made of it. */
    record Read(int chars, ParseOutcome<CatalogueOffer> parsed) {}

    /**
     * Offers {@code 0} to {@code n} (exclusive) of a generation, parsed and normalized on a read-ahead thread up to a
     * chunk ahead ({@code chunkSize} records, {@code chunkMaxChars} characters of raw JSON), as the normalize step
     * reads them.
     */
    ReadAhead<Read> readAhead(int n, int generation, int chunkSize, int chunkMaxChars) {
        int[] next = {0};
        return new ReadAhead<>("bench-read-ahead", chunkSize, chunkMaxChars, Read::chars, () -> {
            if (next[0] == n) {
                return null;
            }
            RawRecord raw = raw(next[0]++, generation);
            return new Read(raw.json().length(), feed.parse(raw));
        });
    }

    /** Parses and normalizes offers {@code from} (inclusive) to {@code to} of a generation. */
    List<CatalogueOffer> parse(int from, int to, int generation) {
        List<CatalogueOffer> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (feed.parse(raw(i, generation)) instanceof ParseOutcome.Accepted<CatalogueOffer> a) {
                out.add(a.offer());
            }
        }
        return out;
    }
}
