package dev.silkway.tracking.carrier.russianpost;

import dev.silkway.tracking.carrier.TrackingStatus;
import org.jspecify.annotations.Nullable;

/**
 * Russian Post's operation types (OperType) and attributes (OperAttr) on the normalized model, after the service's
 * reference tables "Коды операций" and "Атрибуты операций": 1 Приём, 2 Вручение, 3 Возврат, 4 Досылка, 5 Невручение,
 * 6 Хранение, 7 Временное хранение, 8 Обработка, 9 Импорт, 10 Экспорт, 11 Приём на таможню, 12 Неудачная попытка
 * вручения, 13 Регистрация отправки, 14 Таможенное оформление, 15..18 final dispositions, 19 Таможенные платежи
 * поступили, 20 Регистрация, 21 Доставка, 22 Недоставка, 24 Продление срока выпуска таможней, 26 Отмена, 27/28/37
 * electronic registration, 31 and 33 carrier and international handling, 39/40/41 customs declarations and
 * payments, 42 second failed attempt. A code not in the tables stays IN_TRANSIT with no sub-status (its raw code
 * and text are kept by the caller).
 */
final class RussianPostOperations {

    /** The normalized status and sub-status of one operation. */
    record Normalized(TrackingStatus status, @Nullable String subStatus) {}

    private RussianPostOperations() {}

    static Normalized normalize(int type, int attr) {
        return switch (type) {
            case 1 -> transit("accepted");
            case 2 -> handedOver(attr);
            case 3 -> exception(attr == 7 ? "customs_refused" : "returning_to_sender");
            case 4 -> transit("redirected");
            case 5 -> notDelivered(attr);
            case 6 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, "held_at_post_office");
            case 7, 15 -> exception("unclaimed");
            case 8 -> processing(attr);
            case 9 -> transit("arrived_destination_country");
            case 10 -> transit("export");
            case 11 -> transit("customs_processing");
            case 12, 42 -> new Normalized(TrackingStatus.ATTEMPT_FAIL, attemptFailure(attr));
            case 13 -> transit("departure_scan");
            case 14 -> customs(attr);
            case 16 -> exception("destroyed");
            case 17 -> exception("confiscated");
            case 18 -> exception("lost");
            case 19, 40, 41 -> transit("customs_duty_paid");
            case 20, 27, 28, 37 -> new Normalized(TrackingStatus.INFO_RECEIVED, null);
            case 21 -> new Normalized(TrackingStatus.DELIVERED, "delivered");
            case 22 -> new Normalized(TrackingStatus.ATTEMPT_FAIL, "not_delivered");
            case 24 -> exception("customs_documents_required");
            case 26 -> exception("cancelled");
            case 31, 33 -> transit("carrier_processing");
            case 39 -> attr == 3 || attr == 4 || attr == 6 ? exception("customs_held") : transit("customs_declaration");
            default -> transit(null);
        };
    }

    /** 2 Вручение: to the addressee (1, 3, 5, 6, 8, 10..13) or back to the sender (2, 4, 7, 9). */
    private static Normalized handedOver(int attr) {
        return switch (attr) {
            case 2, 4, 7, 9 -> exception("returned_to_sender");
            case 3 -> new Normalized(TrackingStatus.DELIVERED, "parcel_locker");
            default -> new Normalized(TrackingStatus.DELIVERED, "delivered");
        };
    }

    /** 5 Невручение: 1 Утрачено, 2 Изъято, 8 Решение таможни, otherwise undeliverable. */
    private static Normalized notDelivered(int attr) {
        return switch (attr) {
            case 1 -> exception("lost");
            case 2 -> exception("seized");
            case 8 -> exception("customs_refused");
            default -> exception("undeliverable");
        };
    }

    /** 8 Обработка: where the parcel is; arrival where it is handed over makes it ready for pickup. */
    private static Normalized processing(int attr) {
        return switch (attr) {
            case 1 -> transit("departure_scan");
            case 2 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, "arrived_at_post_office");
            case 3, 4 -> transit("sorting_centre");
            case 5, 6 -> transit("international_exchange");
            case 7, 8 -> transit("transit");
            case 9 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, "parcel_locker");
            case 13 -> transit("arrived_destination_country");
            case 14 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, "pickup_point");
            case 15, 18 -> new Normalized(TrackingStatus.OUT_FOR_DELIVERY, null);
            case 22 -> transit("awaiting_courier");
            default -> transit("processing");
        };
    }

    /** 14 Таможенное оформление: released, returned or refused, held (documents, inspection), or in progress. */
    private static Normalized customs(int attr) {
        return switch (attr) {
            case 1, 13, 16 -> transit("customs_released");
            case 2 -> exception("customs_returned");
            case 4, 9, 14, 18 -> exception("customs_refused");
            case 7, 8, 15, 17, 19 -> exception("customs_held");
            default -> transit("customs_processing");
        };
    }

    private static String attemptFailure(int attr) {
        return switch (attr) {
            case 1, 10, 21 -> "addressee_absent";
            case 3, 4 -> "address_problem";
            case 6 -> "refused_by_addressee";
            case 19, 20 -> "customs_documents_required";
            default -> "attempt_failed";
        };
    }

    private static Normalized transit(@Nullable String subStatus) {
        return new Normalized(TrackingStatus.IN_TRANSIT, subStatus);
    }

    private static Normalized exception(String subStatus) {
        return new Normalized(TrackingStatus.EXCEPTION, subStatus);
    }
}
