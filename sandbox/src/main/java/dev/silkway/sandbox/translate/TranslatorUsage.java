package dev.silkway.sandbox.translate;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** What the translator received since start or the last reset: read by tests at {@code /yandex/sandbox/usage}. */
@Component
class TranslatorUsage {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong characters = new AtomicLong();
    private final AtomicLong translated = new AtomicLong();

    record Snapshot(long calls, long characters, long translatedTexts) {}

    void called() {
        calls.incrementAndGet();
    }

    void received(long chars) {
        characters.addAndGet(chars);
    }

    void translated(int texts) {
        translated.addAndGet(texts);
    }

    Snapshot snapshot() {
        return new Snapshot(calls.get(), characters.get(), translated.get());
    }

    void reset() {
        calls.set(0);
        characters.set(0);
        translated.set(0);
    }
}
