package dev.silkway.sandbox.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.silkway.sandbox.catalogue.SandboxJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        properties = {
            "silkway.sandbox.products-per-marketplace=45",
            "silkway.sandbox.generation=1",
            "silkway.sandbox.rate-limit-per-second=100000",
            "silkway.sandbox.faults.rate-limit=0",
            "silkway.sandbox.faults.server-error=0",
            "silkway.sandbox.faults.slow=0",
            "silkway.sandbox.faults.malformed=0",
            "silkway.sandbox.generic.api-key=test-generic-key"
        })
@AutoConfigureMockMvc
class GenericSandboxTest {

    @Autowired
    MockMvc mvc;

    @Test
    void servesPagesOfItemsWithTheTotal() throws Exception {
        MvcResult last = mvc.perform(get("/generic/v1/items?page=3&size=20").header("X-Api-Key", "test-generic-key"))
                .andReturn();

        assertThat(last.getResponse().getStatus()).isEqualTo(200);
        JsonNode data = SandboxJson.MAPPER
                .readTree(last.getResponse().getContentAsString())
                .path("data");
        assertThat(data.path("total").asLong()).isEqualTo(45);
        assertThat(data.path("items")).hasSize(5);
        JsonNode item = data.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo("G00000040");
        assertThat(item.path("price").asString()).matches("\\d+\\.\\d{2}");
        assertThat(item.path("skus")).isNotEmpty();
        assertThat(item.path("category").path("path")).hasSize(2);
    }

    @Test
    void answers401ForAMissingOrWrongApiKey() throws Exception {
        assertThat(mvc.perform(get("/generic/v1/items"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        MvcResult wrong = mvc.perform(get("/generic/v1/items").header("X-Api-Key", "nope"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrong.getResponse().getContentAsString()).contains("invalid_api_key");
    }

    @Test
    void answers400ForAPageSizeBeyondTheLimit() throws Exception {
        assertThat(mvc.perform(get("/generic/v1/items?size=1000").header("X-Api-Key", "test-generic-key"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }
}
