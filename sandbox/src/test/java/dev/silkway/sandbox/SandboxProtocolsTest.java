package dev.silkway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.FaultSettings;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.Malformation;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import dev.silkway.sandbox.catalogue.Signatures;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        properties = {
            "silkway.sandbox.products-per-marketplace=250",
            "silkway.sandbox.generation=1",
            "silkway.sandbox.rate-limit-per-second=100000",
            "silkway.sandbox.faults.rate-limit=0",
            "silkway.sandbox.faults.server-error=0",
            "silkway.sandbox.faults.slow=0",
            "silkway.sandbox.faults.malformed=0"
        })
@AutoConfigureMockMvc
class SandboxProtocolsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FaultSettings faults;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Gate gate;

    @AfterEach
    void reset() {
        faults.replace(SandboxProperties.FaultRates.none());
        gate.reset();
    }

    @Test
    void rejectsAWrongSignatureWithEachPlatformsOwnError() throws Exception {
        Map<String, String> top = topParams(1, 100);
        top.put("sign", "00000000000000000000000000000000");
        assertThat(call(form("/taobao/router/rest", top))
                        .path("error_response")
                        .path("code")
                        .asInt())
                .isEqualTo(25);

        Map<String, String> jd =
                Map.of("method", "jd.union.open.goods.query", "app_key", "sandbox-jd-key", "sign", "BAD");
        assertThat(call(form("/jd/routerjson", jd))
                        .path("error_response")
                        .path("code")
                        .asString())
                .isEqualTo("16");

        var aop = post("/1688/openapi/param2/1/com.alibaba.product/alibaba.product.get/1688001")
                .param("productID", "9007199254740993")
                .param("_aop_signature", "BAD");
        assertThat(mvc.perform(aop).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(body(aop).path("error_code").asString()).isEqualTo("gw.SignatureInvalid");

        var poizon = post("/poizon/dop/api/v1/spu/batch_article_number")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"app_key\":\"sandbox-poizon-key\",\"timestamp\":1,\"sign\":\"BAD\",\"article_numbers\":[]}");
        assertThat(body(poizon).path("code").asInt()).isEqualTo(401);

        Map<String, String> pdd =
                Map.of("type", "pdd.ddk.goods.search", "client_id", "sandbox-pdd-client", "sign", "BAD");
        assertThat(call(form("/pinduoduo/api/router", pdd))
                        .path("error_response")
                        .path("error_code")
                        .asInt())
                .isEqualTo(10010);
    }

    @Test
    void pagingCoversEveryProductExactlyOnce() throws Exception {
        Set<Long> ids = new HashSet<>();
        int items = 0;
        for (int page = 1; page <= 3; page++) {
            JsonNode list = call(form("/taobao/router/rest", signedTop(page, 100)))
                    .path("tbk_dg_material_optional_response")
                    .path("result_list")
                    .path("map_data");
            for (JsonNode item : list) {
                ids.add(item.path("item_id").asLong());
                items++;
            }
        }
        assertThat(items).isEqualTo(250);
        assertThat(ids).hasSize(250);
    }

    @Test
    void theCatalogueIsDeterministicAndOnlyPricesDriftWithTheGeneration() {
        var first = catalogue.item(Platform.JD, 42);
        assertThat(catalogue.item(Platform.JD, 42)).isEqualTo(first);
        var tomorrow = new Catalogue(properties(2), faults, java.time.Clock.systemUTC()).item(Platform.JD, 42);
        assertThat(tomorrow.titleZh()).isEqualTo(first.titleZh());
        assertThat(tomorrow.variants()).hasSameSizeAs(first.variants());
        assertThat(tomorrow.variants().stream().map(v -> v.stock()).toList())
                .isNotEqualTo(first.variants().stream().map(v -> v.stock()).toList());
    }

    @Test
    void malformedRecordsAppearAtTheConfiguredRate() throws Exception {
        faults.replace(new SandboxProperties.FaultRates(0, 0, 0, Duration.ZERO, 0.2));
        long expected = 0;
        long duplicates = 0;
        for (long i = 0; i < 250; i++) {
            Malformation kind = catalogue.malformation(Platform.TAOBAO, i);
            expected += kind == Malformation.NONE ? 0 : 1;
            duplicates += kind == Malformation.DUPLICATE_ID ? 1 : 0;
        }
        assertThat(expected).isBetween(25L, 75L);
        int served = 0;
        for (int page = 1; page <= 3; page++) {
            served += call(form("/taobao/router/rest", signedTop(page, 100)))
                    .path("tbk_dg_material_optional_response")
                    .path("result_list")
                    .path("map_data")
                    .size();
        }
        assertThat(served).isEqualTo(250 + duplicates);
    }

    @Test
    void answersThePlatformsRateLimitCode() throws Exception {
        faults.replace(new SandboxProperties.FaultRates(1, 0, 0, Duration.ZERO, 0));
        assertThat(call(form("/taobao/router/rest", signedTop(1, 20)))
                        .path("error_response")
                        .path("code")
                        .asInt())
                .isEqualTo(7);
        Gate strict = new Gate(
                properties(1), faults, java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        faults.replace(SandboxProperties.FaultRates.none());
        assertThat(strict.admit(Platform.JD, "k")).isEqualTo(Gate.Verdict.PASS);
        assertThat(strict.admit(Platform.JD, "k")).isEqualTo(Gate.Verdict.PASS);
        assertThat(strict.admit(Platform.JD, "k")).isEqualTo(Gate.Verdict.RATE_LIMITED);
    }

    @Test
    void servesCbrRatesInWindows1251WithTheSaturdayDateOnAMonday() throws Exception {
        var response = mvc.perform(get("/cbr/scripts/XML_daily.asp").param("date_req", "16/03/2026"))
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).containsIgnoringCase("windows-1251");
        String xml = new String(response.getContentAsByteArray(), Charset.forName("windows-1251"));
        assertThat(xml).contains("<ValCurs Date=\"14.03.2026\"").contains("<CharCode>CNY</CharCode>");
        assertThat(xml).contains("Китайский юань").containsPattern("<Nominal>100</Nominal><Name>Казахстанских тенге");
        assertThat(xml)
                .containsPattern(
                        "<CharCode>CNY</CharCode><Nominal>1</Nominal><Name>[^<]+</Name><Value>1[12],\\d{4}</Value>");
    }

    private static SandboxProperties properties(long generation) {
        return new SandboxProperties(
                20260101,
                250,
                generation,
                2,
                SandboxProperties.FaultRates.none(),
                new SandboxProperties.Platforms(null, null, null, null, null));
    }

    private static Map<String, String> topParams(int page, int size) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "taobao.tbk.dg.material.optional");
        params.put("app_key", "sandbox-taobao-key");
        params.put("timestamp", "2026-01-15 10:30:00");
        params.put("v", "2.0");
        params.put("sign_method", "md5");
        params.put("format", "json");
        params.put("adzone_id", "1");
        params.put("page_no", Integer.toString(page));
        params.put("page_size", Integer.toString(size));
        return params;
    }

    private static Map<String, String> signedTop(int page, int size) {
        Map<String, String> params = topParams(page, size);
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> text.append(k).append(v));
        params.put("sign", Signatures.md5("sandbox-taobao-secret" + text + "sandbox-taobao-secret"));
        return params;
    }

    private static MockHttpServletRequestBuilder form(String path, Map<String, String> params) {
        var request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach(request::param);
        return request;
    }

    private JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
        return body(request);
    }

    private JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return SandboxJson.MAPPER.readTree(mvc.perform(request)
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
