package dev.silkway.ingestion.marketplace.alibaba1688;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vector from python3 hmac: HMAC-SHA1("sandbox-1688-secret",
 * {@code param2/1/com.alibaba.product/alibaba.product.get/1688001access_tokentok123productID9007199254740995webSite1688}).
 */
class AopSignerTest {

    @Test
    void signsPathPlusSortedKeyValueStrings() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("productID", "9007199254740995");
        params.put("webSite", "1688");
        params.put("access_token", "tok123");
        assertThat(AopSigner.sign(
                        "param2/1/com.alibaba.product/alibaba.product.get/1688001", params, "sandbox-1688-secret"))
                .isEqualTo("E2348B58671B7167F2FA71284DFB8FCF798F6A86");
    }
}
