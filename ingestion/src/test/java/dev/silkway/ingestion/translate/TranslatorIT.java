package dev.silkway.ingestion.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.platform.translation.Language;
import dev.silkway.platform.translation.Translations;
import dev.silkway.platform.translation.Translator;
import dev.silkway.testsupport.SandboxProcess;
import dev.silkway.testsupport.SandboxTranslator;
import dev.silkway.testsupport.ServiceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform's translator against the sandbox's Yandex Cloud Translate: limits, errors, memory and budget. */
@SpringBootTest
class TranslatorIT {

    private static final long BUDGET = 30_000;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-translator");
        ServiceProperties.kafka(registry);
        registry.add("silkway.sandbox.url", () -> SandboxProcess.shared().url());
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("silkway.translation.provider", () -> "translator-it");
        registry.add("silkway.translation.daily-character-budget", () -> Long.toString(BUDGET));
        registry.add("silkway.translation.retry.max-attempts", () -> "6");
        registry.add("silkway.translation.retry.initial-backoff", () -> "20ms");
        registry.add("silkway.translation.retry.max-backoff", () -> "100ms");
    }

    @Autowired
    Translator translator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void quietSandbox() {
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
        SandboxTranslator.resetUsage();
        jdbc.update("DELETE FROM translation_usage");
    }

    @AfterEach
    void restoreSandbox() {
        SandboxTranslator.faults(SandboxTranslator.NO_FAULTS);
    }

    @Test
    void sendsTextsInRequestsOfAtMostTenThousandCharacters() {
        List<String> texts = IntStream.range(0, 25)
                .mapToObj(i -> "黑色".repeat(450) + " 款号" + i)
                .toList();

        Translations result = translator.translate(texts, Language.ZH, Language.RU);

        assertThat(result.shortfall()).isNull();
        assertThat(result.translated()).hasSize(25);
        assertThat(result.of(texts.get(7))).startsWith("чёрный чёрный").endsWith("арт. 7");
        assertThat(SandboxTranslator.calls()).isEqualTo(3);
        assertThat(SandboxTranslator.characters())
                .isEqualTo(texts.stream().mapToLong(String::length).sum());
    }

    @Test
    void remembersWhatItTranslatedAndNeverSendsItAgain() {
        List<String> texts = List.of("耐克 透气 男款跑步鞋 正品 款号501", "蓝色");
        translator.translate(texts, Language.ZH, Language.RU);
        long calls = SandboxTranslator.calls();

        Translations again = translator.translate(texts, Language.ZH, Language.RU);

        assertThat(again.translated()).containsEntry("蓝色", "синий");
        assertThat(again.fromProvider()).isZero();
        assertThat(SandboxTranslator.calls()).isEqualTo(calls);
    }

    @Test
    void retriesRateLimitedAndFailedRequestsUntilTheyAreServed() {
        SandboxTranslator.faults(
                "{\"rateLimit\":0.2,\"serverError\":0.2,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.05}");
        List<String> texts = IntStream.range(0, 10).mapToObj(i -> "白色 款号R" + i).toList();

        Translations result = translator.translate(texts, Language.ZH, Language.EN);

        assertThat(result.shortfall()).isNull();
        assertThat(result.of("白色 款号R3")).isEqualTo("white model R3");
    }

    @Test
    void reportsAProviderThatKeepsFailingAsAShortfallAfterItsAttempts() {
        SandboxTranslator.faults(
                "{\"rateLimit\":0,\"serverError\":1,\"slow\":0,\"slowDelay\":\"PT0S\",\"malformed\":0.05}");

        Translations result = translator.translate(List.of("灰色 款号F1"), Language.ZH, Language.RU);

        assertThat(result.translated()).isEmpty();
        assertThat(result.shortfall().reason()).isEqualTo(Translations.Reason.PROVIDER_FAILED);
        assertThat(result.shortfall().message()).contains("503");
        assertThat(SandboxTranslator.calls()).isEqualTo(6);
    }

    @Test
    void stopsAtTheDailyCharacterBudgetWithAMessageAndAMetric() {
        List<String> texts = IntStream.range(0, 8)
                .mapToObj(i -> "红色".repeat(4_000) + " 款号B" + i)
                .toList();

        Translations result = translator.translate(texts, Language.ZH, Language.RU);

        assertThat(result.shortfall().reason()).isEqualTo(Translations.Reason.BUDGET_EXHAUSTED);
        assertThat(result.shortfall().message())
                .contains("Daily translation budget reached")
                .contains("silkway.translation.daily-character-budget");
        assertThat(result.translated()).hasSizeBetween(1, 7);
        assertThat(SandboxTranslator.characters()).isLessThanOrEqualTo(BUDGET);
        assertThat(jdbc.queryForObject(
                        "SELECT characters FROM translation_usage WHERE provider = 'translator-it'", Long.class))
                .isLessThanOrEqualTo(BUDGET);
        assertThat(meters.get("silkway.translation.budget.exhausted")
                        .tag("provider", "translator-it")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("silkway.translation.budget.remaining")
                        .tag("provider", "translator-it")
                        .gauge()
                        .value())
                .isZero();
    }
}
