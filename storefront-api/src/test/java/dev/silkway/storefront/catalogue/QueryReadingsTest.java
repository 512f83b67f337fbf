package dev.silkway.storefront.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryReadingsTest {

    @Test
    void readsLatinKeysAsTheRussianLayoutAndBack() {
        assertThat(KeyboardLayout.swapped("rhjccjdrb")).isEqualTo("кроссовки");
        assertThat(KeyboardLayout.swapped("l;bycs")).isEqualTo("джинсы");
        assertThat(KeyboardLayout.swapped("Тшлу фшк 90")).isEqualTo("nike air 90");
        assertThat(KeyboardLayout.swapped("nike кроссовки")).isNull();
        assertThat(KeyboardLayout.swapped("运动鞋")).isNull();
    }

    @Test
    void leavesASignOutsideAWordAsTyped() {
        assertThat(KeyboardLayout.swapped("rehnrf, cthfz")).isEqualTo("куртка, серая");
    }

    @Test
    void transliteratesRussianWordsTypedInLatinAndLatinNamesTypedInCyrillic() {
        assertThat(Transliteration.other("krossovki")).isEqualTo("кроссовки");
        assertThat(Transliteration.other("dzhinsy")).isEqualTo("джинсы");
        assertThat(Transliteration.other("shchetka")).isEqualTo("щетка");
        assertThat(Transliteration.other("Анта")).isEqualTo("anta");
        assertThat(Transliteration.other("Сяоми")).isEqualTo("syaomi");
        assertThat(Transliteration.other("anta 安踏")).isNull();
    }

    @Test
    void picksTheShoppersLanguageFromTheParameterThenTheHeaderThenRussian() {
        assertThat(ShopperLanguage.of("EN", "ru")).isEqualTo(ShopperLanguage.EN);
        assertThat(ShopperLanguage.of(null, "fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(ShopperLanguage.EN);
        assertThat(ShopperLanguage.of(null, "zh-CN")).isEqualTo(ShopperLanguage.ZH);
        assertThat(ShopperLanguage.of(null, "de")).isEqualTo(ShopperLanguage.RU);
        assertThat(ShopperLanguage.of(null, ";;;")).isEqualTo(ShopperLanguage.RU);
        assertThat(ShopperLanguage.of(" ", null)).isEqualTo(ShopperLanguage.RU);
        assertThatThrownBy(() -> ShopperLanguage.of("fr", null)).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void fallsBackToTheOriginalWhereThereIsNoTranslation() {
        assertThat(ShopperLanguage.RU.pick("Кроссовки", "Sneakers", "运动鞋")).isEqualTo("Кроссовки");
        assertThat(ShopperLanguage.EN.pick("Кроссовки", " ", "运动鞋")).isEqualTo("运动鞋");
        assertThat(ShopperLanguage.ZH.pick("Кроссовки", "Sneakers", "运动鞋")).isEqualTo("运动鞋");
    }
}
