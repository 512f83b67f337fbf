package dev.silkway.elastic.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageAnalyzersTest {

    @TempDir
    Path home;

    @Test
    void russianAnalyzerStemsCaseFormsOfOneWordToOneToken() {
        TestIndex index = TestIndex.in(home);

        assertThat(index.tokens("russian", "кроссовки"))
                .isEqualTo(index.tokens("russian", "кроссовками"))
                .isEqualTo(index.tokens("russian", "Кроссовка"))
                .hasSize(1);
    }

    @Test
    void russianAnalyzerDropsStopWords() {
        assertThat(TestIndex.in(home).tokens("russian", "куртка для зимы")).containsExactly("куртк", "зим");
    }

    @Test
    void configuredRussianAnalyzerTakesItsStopWords() {
        TestIndex index =
                TestIndex.in(home).with("analyzer.ru_all.type", "russian").with("analyzer.ru_all.stopwords", "_none_");

        assertThat(index.tokens("ru_all", "куртка для зимы")).containsExactly("куртк", "для", "зим");
    }

    @Test
    void englishAnalyzerStemsAndDropsStopWords() {
        assertThat(TestIndex.in(home).tokens("english", "The Running Shoes")).containsExactly("run", "shoe");
    }

    @Test
    void cjkAnalyzerBigramsChineseText() {
        assertThat(TestIndex.in(home).tokens("cjk", "耐克运动鞋男款")).containsExactly("耐克", "克运", "运动", "动鞋", "鞋男", "男款");
    }

    @Test
    void cjkAnalyzerFoldsFullWidthLatinAndKeepsOtherScripts() {
        assertThat(TestIndex.in(home).tokens("cjk", "ＮＩＫＥ 运动鞋 Air")).containsExactly("nike", "运动", "动鞋", "air");
    }
}
