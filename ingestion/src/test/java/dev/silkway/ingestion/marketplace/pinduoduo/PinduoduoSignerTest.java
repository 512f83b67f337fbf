package dev.silkway.ingestion.marketplace.pinduoduo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vector from python3 hashlib: MD5("pddsecret" + {@code client_idpddclientdata_typeJSONkeyword运动鞋page1page_size100
 * timestamp1768444200typepdd.ddk.goods.search} + "pddsecret"), UTF-8, no line break; empty access_token dropped.
 */
class PinduoduoSignerTest {

    @Test
    void signsSortedParamsWithUtf8Values() {
        Map<String, String> params = new HashMap<>();
        params.put("type", "pdd.ddk.goods.search");
        params.put("client_id", "pddclient");
        params.put("timestamp", "1768444200");
        params.put("data_type", "JSON");
        params.put("page", "1");
        params.put("page_size", "100");
        params.put("keyword", "运动鞋");
        params.put("access_token", "");
        assertThat(PinduoduoSigner.sign(params, "pddsecret")).isEqualTo("026A8C409DF3DA1204F8DACA47EFB8AC");
    }

    @Test
    void readsSalesTips() {
        assertThat(SalesTip.parse("10万+")).isEqualTo(100_000L);
        assertThat(SalesTip.parse("3.2万")).isEqualTo(32_000L);
        assertThat(SalesTip.parse("856")).isEqualTo(856L);
        assertThat(SalesTip.parse("很多")).isNull();
    }
}
