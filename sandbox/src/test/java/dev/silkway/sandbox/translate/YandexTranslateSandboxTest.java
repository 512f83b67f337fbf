package dev.silkway.sandbox.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.silkway.sandbox.catalogue.Catalogue;
import dev.silkway.sandbox.catalogue.CatalogueItem;
import dev.silkway.sandbox.catalogue.Platform;
import dev.silkway.sandbox.catalogue.SandboxJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        properties = {
            "silkway.sandbox.products-per-marketplace=300",
            "silkway.sandbox.generation=1",
            "silkway.sandbox.faults.rate-limit=0",
            "silkway.sandbox.faults.server-error=0",
            "silkway.sandbox.faults.slow=0",
            "silkway.sandbox.faults.malformed=0",
            "silkway.sandbox.translate.requests-per-second=100000"
        })
@AutoConfigureMockMvc
class YandexTranslateSandboxTest {

    private static final String KEY = "Api-Key sandbox-translate-key";

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalogue catalogue;

    @BeforeEach
    void resetUsage() throws Exception {
        mvc.perform(delete("/yandex/sandbox/usage"));
    }

    @Test
    void translatesEveryWordOfTheDemoCatalogueIntoRussianAndEnglish() throws Exception {
        Set<String> texts = new LinkedHashSet<>();
        for (Platform platform : Platform.values()) {
            for (CatalogueItem item : catalogue.page(platform, 0, 300)) {
                texts.add(item.titleZh());
                texts.add(item.categoryLevel1());
                texts.add(item.categoryLevel2());
                item.variants().forEach(v -> texts.add(v.colour()));
            }
        }
        texts.addAll(List.of("源头工厂直供，支持一件代发。", "拼单更优惠，全国包邮", "正品保障，7天无理由退换", "颜色", "尺码", "品牌"));
        for (String target : List.of("ru", "en")) {
            List<String> translated = translateAll(new ArrayList<>(texts), target);
            assertThat(translated).allSatisfy(t -> assertThat(t).doesNotContainPattern("\\p{IsHan}"));
        }
        assertThat(translateAll(List.of("安踏 加厚 女款运动鞋 正品 款号110"), "ru"))
                .containsExactly("Anta утолщённые женские кроссовки оригинал арт. 110");
    }

    @Test
    void translatesEnglishTitlesIntoRussian() throws Exception {
        JsonNode answer = body(call(request(List.of("Anta Thickened Women's Sneakers 110"), "en", "ru", Map.of())));

        assertThat(answer.path("translations").get(0).path("text").asString())
                .isEqualTo("Anta утолщённые женские кроссовки 110");
    }

    @Test
    void honoursTheGlossaryOfTheRequest() throws Exception {
        JsonNode answer = body(call(request(List.of("李宁 跑步鞋"), "zh", "ru", Map.of("跑步鞋", "кроссовки для бега"))));

        assertThat(answer.path("translations").get(0).path("text").asString()).isEqualTo("Li-Ning кроссовки для бега");
    }

    @Test
    void detectsTheSourceLanguageWhenNoneIsGiven() throws Exception {
        JsonNode answer = body(call(request(List.of("黑色"), null, "ru", Map.of())));

        assertThat(answer.path("translations")
                        .get(0)
                        .path("detectedLanguageCode")
                        .asString())
                .isEqualTo("zh");
        assertThat(answer.path("translations").get(0).path("text").asString()).isEqualTo("чёрный");
    }

    @Test
    void answers401WithAGrpcCodeForAWrongApiKey() throws Exception {
        MvcResult result = mvc.perform(post("/yandex/translate/v2/translate")
                        .header("Authorization", "Api-Key nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request(List.of("黑色"), "zh", "ru", Map.of())))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(result).path("code").asInt()).isEqualTo(16);
        assertThat(body(result).path("details").get(0).path("requestId").asString())
                .isNotBlank();
    }

    @Test
    void answers403ForAnotherFolder() throws Exception {
        MvcResult result = call("{\"folderId\":\"other\",\"texts\":[\"黑色\"],\"targetLanguageCode\":\"ru\"}");

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(result).path("code").asInt()).isEqualTo(7);
    }

    @Test
    void refusesMoreThanTenThousandCharactersInOneRequest() throws Exception {
        MvcResult result = call(request(List.of("黑".repeat(6000), "白".repeat(4001)), "zh", "ru", Map.of()));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).path("code").asInt()).isEqualTo(3);
        assertThat(body(result).path("message").asString()).contains("10000");
    }

    @Test
    void countsTheCallsAndCharactersItReceived() throws Exception {
        call(request(List.of("黑色", "白色"), "zh", "ru", Map.of()));
        call(request(List.of("男款"), "zh", "en", Map.of()));

        JsonNode usage = body(mvc.perform(get("/yandex/sandbox/usage")).andReturn());
        assertThat(usage.path("calls").asLong()).isEqualTo(2);
        assertThat(usage.path("characters").asLong()).isEqualTo(6);
        assertThat(usage.path("translatedTexts").asLong()).isEqualTo(3);
    }

    private List<String> translateAll(List<String> texts, String target) throws Exception {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 100) {
            MvcResult result =
                    call(request(texts.subList(from, Math.min(texts.size(), from + 100)), "zh", target, Map.of()));
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            body(result)
                    .path("translations")
                    .forEach(t -> out.add(t.path("text").asString()));
        }
        return out;
    }

    private MvcResult call(String body) throws Exception {
        return mvc.perform(post("/yandex/translate/v2/translate")
                        .header("Authorization", KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
    }

    private static String request(List<String> texts, String source, String target, Map<String, String> glossary) {
        var root = SandboxJson.object().put("folderId", "sandbox-folder").put("targetLanguageCode", target);
        if (source != null) {
            root.put("sourceLanguageCode", source);
        }
        var array = root.putArray("texts");
        texts.forEach(array::add);
        if (!glossary.isEmpty()) {
            var pairs =
                    root.putObject("glossaryConfig").putObject("glossaryData").putArray("glossaryPairs");
            glossary.forEach((s, t) -> pairs.addObject().put("sourceText", s).put("translatedText", t));
        }
        return SandboxJson.MAPPER.writeValueAsString(root);
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return SandboxJson.MAPPER.readTree(
                result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
