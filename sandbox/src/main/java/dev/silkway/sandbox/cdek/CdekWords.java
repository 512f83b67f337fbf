package dev.silkway.sandbox.cdek;

import dev.silkway.sandbox.journey.JourneyEvent;
import dev.silkway.sandbox.journey.JourneyEvent.Stage;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A last-mile journey told as CDEK tells it: its status codes, Russian names, cities and {@code date_time}s (⚠ LOST
 * "Утерян" and the reason code 11 of NOT_DELIVERED are the sandbox's choice).
 */
final class CdekWords {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private static final Map<String, String[]> CITIES = Map.ofEntries(
            Map.entry("Moscow", new String[] {"Москва", "44"}),
            Map.entry("Saint Petersburg", new String[] {"Санкт-Петербург", "137"}),
            Map.entry("Novosibirsk", new String[] {"Новосибирск", "270"}),
            Map.entry("Yekaterinburg", new String[] {"Екатеринбург", "250"}),
            Map.entry("Kazan", new String[] {"Казань", "424"}),
            Map.entry("Krasnodar", new String[] {"Краснодар", "435"}),
            Map.entry("Vladivostok", new String[] {"Владивосток", "288"}),
            Map.entry("Almaty", new String[] {"Алматы", "4756"}),
            Map.entry("Astana", new String[] {"Астана", "4961"}),
            Map.entry("Shymkent", new String[] {"Шымкент", "11774"}),
            Map.entry("Minsk", new String[] {"Минск", "9220"}),
            Map.entry("Gomel", new String[] {"Гомель", "9203"}),
            Map.entry("Brest", new String[] {"Брест", "9197"}));

    private CdekWords() {}

    record Status(String code, String name, String reasonCode, JourneyEvent event) {
        String city() {
            return CITIES.getOrDefault(event.location(), new String[] {event.location(), ""})[0];
        }

        String cityCode() {
            return CITIES.getOrDefault(event.location(), new String[] {"", ""})[1];
        }
    }

    /** The events as CDEK statuses: the first sorting centre is the sending city's, the next the recipient's. */
    static List<Status> statuses(List<JourneyEvent> events) {
        boolean sent = events.stream()
                        .filter(e -> e.stage() == Stage.ARRIVED_SORTING_CENTRE)
                        .map(JourneyEvent::location)
                        .distinct()
                        .count()
                > 1;
        String firstSorting = events.stream()
                .filter(e -> e.stage() == Stage.ARRIVED_SORTING_CENTRE)
                .map(JourneyEvent::location)
                .findFirst()
                .orElse("");
        return events.stream()
                .map(e -> status(e, e.location().equals(firstSorting) && sent))
                .toList();
    }

    private static Status status(JourneyEvent event, boolean sendingCity) {
        return switch (event.stage()) {
            case INFO_RECEIVED -> new Status("CREATED", "Создан", "", event);
            case HANDED_TO_LAST_MILE ->
                new Status("RECEIVED_AT_SHIPMENT_WAREHOUSE", "Принят на склад отправителя", "", event);
            case ARRIVED_SORTING_CENTRE ->
                sendingCity
                        ? new Status("SENT_TO_RECIPIENT_CITY", "Отправлен в г.-получатель", "", event)
                        : new Status("ACCEPTED_IN_RECIPIENT_CITY", "Встречен в г.-получателе", "", event);
            case AVAILABLE_FOR_PICKUP ->
                new Status("ACCEPTED_AT_PICK_UP_POINT", "Принят на склад до востребования", "", event);
            case OUT_FOR_DELIVERY -> new Status("TAKEN_BY_COURIER", "Выдан на доставку", "", event);
            case DELIVERY_FAILED -> new Status("NOT_DELIVERED", "Не вручен", "11", event);
            case DELIVERED -> new Status("DELIVERED", "Вручен", "", event);
            case LOST -> new Status("LOST", "Утерян", "", event);
            case IMPORT_CUSTOMS ->
                new Status("IN_CUSTOMS_LOCAL", "Таможенное оформление в стране назначения", "", event);
            case CUSTOMS_RELEASED -> new Status("CUSTOMS_COMPLETE", "Таможенное оформление завершено", "", event);
            default -> new Status("ACCEPTED_IN_TRANSIT_CITY", "Принят в г.-транзите", "", event);
        };
    }
}
