package dev.silkway.ingestion.marketplace.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors from python3 hashlib: MD5(secret + sorted key+value, no line break + secret), UTF-8, upper-case hex. */
class Md5SignatureTest {

    /** JD: {@code 360buy_param_json{"goodsReqDTO":...}app_keyjdkeyformatjson...v1.0}; the empty token left out. */
    @Test
    void signsAJdRequestIncludingTheJsonParamAndWithoutAnEmptyToken() {
        Map<String, String> params = new HashMap<>();
        params.put("method", "jd.union.open.goods.query");
        params.put("app_key", "jdkey");
        params.put("timestamp", "2026-01-15 10:30:00");
        params.put("format", "json");
        params.put("v", "1.0");
        params.put("sign_method", "md5");
        params.put("360buy_param_json", "{\"goodsReqDTO\":{\"pageIndex\":1,\"pageSize\":30}}");
        params.put("access_token", "");
        assertThat(Md5Signature.sign(params, "jdsecret")).isEqualTo("52D46B6937F97111E648A5550C7A3B60");
    }

    /** Pinduoduo: {@code client_idpddclientdata_typeJSONkeyword运动鞋page1page_size100timestamp...type...}. */
    @Test
    void signsAPinduoduoRequestWithUtf8Values() {
        Map<String, String> params = new HashMap<>();
        params.put("type", "pdd.ddk.goods.search");
        params.put("client_id", "pddclient");
        params.put("timestamp", "1768444200");
        params.put("data_type", "JSON");
        params.put("page", "1");
        params.put("page_size", "100");
        params.put("keyword", "运动鞋");
        params.put("access_token", "");
        assertThat(Md5Signature.sign(params, "pddsecret")).isEqualTo("026A8C409DF3DA1204F8DACA47EFB8AC");
    }
}
