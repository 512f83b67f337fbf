package dev.silkway.ingestion.feed;

import dev.silkway.ingestion.marketplace.alibaba1688.Alibaba1688Client;
import dev.silkway.ingestion.marketplace.alibaba1688.Alibaba1688Properties;
import dev.silkway.ingestion.marketplace.jd.JdClient;
import dev.silkway.ingestion.marketplace.jd.JdProperties;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoClient;
import dev.silkway.ingestion.marketplace.pinduoduo.PinduoduoProperties;
import dev.silkway.ingestion.marketplace.poizon.PoizonClient;
import dev.silkway.ingestion.marketplace.poizon.PoizonProperties;
import dev.silkway.ingestion.marketplace.taobao.TaobaoClient;
import dev.silkway.ingestion.marketplace.taobao.TaobaoProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The five built-in connectors, built from their {@code silkway.marketplaces.*} properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    TaobaoProperties.class,
    JdProperties.class,
    Alibaba1688Properties.class,
    PoizonProperties.class,
    PinduoduoProperties.class
})
class BuiltInFeeds {

    @Bean
    List<MarketplaceFeed> builtInMarketplaceFeeds(
            TaobaoProperties taobao,
            JdProperties jd,
            Alibaba1688Properties alibaba,
            PoizonProperties poizon,
            PinduoduoProperties pinduoduo) {
        return List.of(
                new MarketplaceFeed(TaobaoClient.create(taobao), taobao.pageSize(), taobao.transport()),
                new MarketplaceFeed(JdClient.create(jd), jd.pageSize(), jd.transport()),
                new MarketplaceFeed(Alibaba1688Client.create(alibaba), alibaba.pageSize(), alibaba.transport()),
                new MarketplaceFeed(PoizonClient.create(poizon), poizon.pageSize(), poizon.transport()),
                new MarketplaceFeed(PinduoduoClient.create(pinduoduo), pinduoduo.pageSize(), pinduoduo.transport()));
    }
}
