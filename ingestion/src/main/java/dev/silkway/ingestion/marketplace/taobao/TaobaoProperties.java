package dev.silkway.ingestion.marketplace.taobao;

import dev.silkway.ingestion.marketplace.transport.TransportSettings;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code silkway.marketplaces.taobao.*}: TOP credentials and paging. {@code base-url} is the root the
 * {@code /router/rest} path is appended to ({@code https://eco.taobao.com}, or the sandbox's
 * {@code http://localhost:8090/taobao}).
 */
@ConfigurationProperties("silkway.marketplaces.taobao")
public record TaobaoProperties(
        @DefaultValue("https://eco.taobao.com") URI baseUrl,
        String appKey,
        String appSecret,
        @DefaultValue("md5") TopSignMethod signMethod,
        @DefaultValue("") String session,
        @DefaultValue("") String adzoneId,
        @DefaultValue("") String query,
        @DefaultValue("100") int pageSize,
        @DefaultValue TransportSettings transport,
        @DefaultValue("4000") int maxTextLength) {

    public TaobaoProperties {
        session = session == null ? "" : session;
        adzoneId = adzoneId == null ? "" : adzoneId;
        query = query == null ? "" : query;
        if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("silkway.marketplaces.taobao.app-key and app-secret are required");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("silkway.marketplaces.taobao.page-size must be 1..100 (TOP limit)");
        }
    }
}
