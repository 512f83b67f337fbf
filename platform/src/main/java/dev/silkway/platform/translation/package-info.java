/**
 * Machine translation as an outside service: {@link dev.silkway.platform.translation.Translator} translates through
 * the translation memory first, then Yandex Cloud Translate API v2 within the daily character budget, with the
 * admin-edited {@link dev.silkway.platform.translation.Glossary} sent along with every request.
 */
@NullMarked
package dev.silkway.platform.translation;

import org.jspecify.annotations.NullMarked;
