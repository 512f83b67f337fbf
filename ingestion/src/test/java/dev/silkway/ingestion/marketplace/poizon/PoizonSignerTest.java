package dev.silkway.ingestion.marketplace.poizon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vector from python3 (urllib.parse.quote_plus + hashlib.md5): MD5 of
 * {@code app_key=pzkey&article_numbers=DD1391-100%2CFZ5742+117&timestamp=1768444200000pzsecret}.
 */
class PoizonSignerTest {

    @Test
    void signsSortedEncodedParamsWithListsJoinedByComma() {
        Map<String, Object> params = new HashMap<>();
        params.put("app_key", "pzkey");
        params.put("timestamp", 1768444200000L);
        params.put("article_numbers", List.of("DD1391-100", "FZ5742 117"));
        params.put("empty", "");
        params.put("sign", "IGNORED");
        assertThat(PoizonSigner.canonical(params))
                .isEqualTo("app_key=pzkey&article_numbers=DD1391-100%2CFZ5742+117&timestamp=1768444200000");
        assertThat(PoizonSigner.sign(params, "pzsecret")).isEqualTo("5653E9B603EBB72183FACF5C89EE6FA8");
    }
}
