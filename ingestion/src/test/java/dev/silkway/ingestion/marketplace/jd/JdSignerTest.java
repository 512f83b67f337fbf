package dev.silkway.ingestion.marketplace.jd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vector from python3 hashlib: MD5("jdsecret" + {@code 360buy_param_json{"goodsReqDTO":{"pageIndex":1,"pageSize":30}}
 * app_keyjdkeyformatjsonmethodjd.union.open.goods.querysign_methodmd5timestamp2026-01-15 10:30:00v1.0} + "jdsecret")
 * — no line break inside; the empty access_token is left out.
 */
class JdSignerTest {

    @Test
    void signsIncludingTheJsonParamAndWithoutAnEmptyToken() {
        Map<String, String> params = new HashMap<>();
        params.put("method", "jd.union.open.goods.query");
        params.put("app_key", "jdkey");
        params.put("timestamp", "2026-01-15 10:30:00");
        params.put("format", "json");
        params.put("v", "1.0");
        params.put("sign_method", "md5");
        params.put("360buy_param_json", "{\"goodsReqDTO\":{\"pageIndex\":1,\"pageSize\":30}}");
        params.put("access_token", "");
        assertThat(JdSigner.sign(params, "jdsecret")).isEqualTo("52D46B6937F97111E648A5550C7A3B60");
    }
}
