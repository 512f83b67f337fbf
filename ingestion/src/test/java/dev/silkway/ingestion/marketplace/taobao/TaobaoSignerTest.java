package dev.silkway.ingestion.marketplace.taobao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors computed independently with python3 hashlib/hmac. The hashed string for sign_method=X is
 * {@code app_key12345678formatjsonmethodtaobao.tbk.item.info.getnum_iids600000000003,600000000010platform2
 * sign_methodXtimestamp2026-01-15 10:30:00v2.0} (no space before sign_method; empty session dropped);
 * md5 hashes "helloworld" + that + "helloworld", hmac/hmac-sha256 use "helloworld" as the key.
 */
class TaobaoSignerTest {

    private static Map<String, String> params(String signMethod) {
        Map<String, String> params = new HashMap<>();
        params.put("app_key", "12345678");
        params.put("format", "json");
        params.put("method", "taobao.tbk.item.info.get");
        params.put("num_iids", "600000000003,600000000010");
        params.put("platform", "2");
        params.put("session", "");
        params.put("sign_method", signMethod);
        params.put("timestamp", "2026-01-15 10:30:00");
        params.put("v", "2.0");
        return params;
    }

    @ParameterizedTest
    @CsvSource({
        "md5, MD5, 5DEB9B01CC9B006EB2E95F0F98B1ADB5",
        "hmac, HMAC, 11B46ED346D93DD195F720429CF6F79B",
        "hmac-sha256, HMAC_SHA256, B1FF931437AB42D2E6C0B5C3FD4D1373507CB09FB05F335D341562376F5BBAA3"
    })
    void signsWithEveryTopMethod(String wire, TopSignMethod method, String expected) {
        assertThat(TaobaoSigner.sign(params(wire), "helloworld", method)).isEqualTo(expected);
    }

    @Test
    void leavesOutSignAndEmptyValues() {
        Map<String, String> params = params("md5");
        params.put("sign", "WHATEVER");
        params.put("partner_id", "");
        assertThat(TaobaoSigner.sign(params, "helloworld", TopSignMethod.MD5))
                .isEqualTo("5DEB9B01CC9B006EB2E95F0F98B1ADB5");
    }

    @Test
    void namesTheResponseWrapperAfterTheMethod() {
        assertThat(TaobaoClient.responseWrapper("taobao.tbk.item.info.get")).isEqualTo("tbk_item_info_get_response");
        assertThat(TaobaoClient.responseWrapper("taobao.tbk.dg.material.optional"))
                .isEqualTo("tbk_dg_material_optional_response");
    }
}
