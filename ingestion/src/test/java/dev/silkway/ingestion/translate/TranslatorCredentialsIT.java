package dev.silkway.ingestion.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.SandboxTranslator;
import dev.silkway.testsupport.ServiceProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A key the provider refuses is reported at once, not retried. */
@SpringBootTest
class TranslatorCredentialsIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-translator-key");
        ServiceProperties.kafka(registry);
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("silkway.translation.api-key", () -> "not-the-sandbox-key");
    }

    @Autowired
    Translator translator;

    @Test
    void reportsARefusedApiKeyAfterOneCallWithTheSettingToCheck() {
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
        SandboxTranslator.resetUsage();

        Translations result = translator.translate(List.of("紫色 款号K1"), Language.ZH, Language.RU);

        assertThat(result.translated()).isEmpty();
        assertThat(result.shortfall().reason()).isEqualTo(Translations.Reason.PROVIDER_FAILED);
        assertThat(result.shortfall().message())
                .contains("refused the API key or folder (401): code 16")
                .contains("silkway.translation.api-key")
                .doesNotContain("not-the-sandbox-key");
        assertThat(SandboxTranslator.calls()).isEqualTo(1);
    }
}
