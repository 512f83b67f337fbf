package dev.silkway.sandbox.carriers;

import dev.silkway.sandbox.journey.JourneyEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** The local time of an event where it happened, as carriers print it: China +08:00, Kazakhstan +05:00, else +03:00. */
public final class CarrierClocks {

    private static final Set<String> CHINA =
            Set.of("Shenzhen", "Guangzhou", "Yiwu", "Shanghai", "Hangzhou", "Dongguan", "Ningbo");
    private static final Set<String> KAZAKHSTAN = Set.of("Almaty", "Astana", "Shymkent");

    private CarrierClocks() {}

    public static ZoneOffset offset(JourneyEvent event) {
        if (CHINA.contains(event.location())) {
            return ZoneOffset.ofHours(8);
        }
        return KAZAKHSTAN.contains(event.location()) ? ZoneOffset.ofHours(5) : ZoneOffset.ofHours(3);
    }

    /** ISO-8601 with the local offset, milliseconds when there are: {@code 2026-12-01T16:00:00.250+08:00}. */
    public static String iso(JourneyEvent event) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.at().atOffset(offset(event)));
    }

    /** Beijing wall time {@code yyyy-MM-dd HH:mm:ss} wherever it happened, as SF Express prints it. */
    public static String beijing(JourneyEvent event) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(event.at().atOffset(ZoneOffset.ofHours(8)));
    }
}
