package dev.silkway.tracking.carrier.russianpost;

import dev.silkway.tracking.carrier.SubStatus;
import dev.silkway.tracking.carrier.TrackingStatus;
import org.jspecify.annotations.Nullable;

/**
 * Russian Post's operation types (OperType) and attributes (OperAttr) on the normalized model, after the service's
 * reference tables "Коды операций" and "Атрибуты операций": 1 Приём, 2 Вручение, 3 Возврат, 4 Досылка, 5 Невручение,
 * 6 Хранение, 7 Временное хранение, 8 Обработка, 9 Импорт, 10 Экспорт, 11 Приём на таможню, 12 Неудачная попытка
 * вручения, 13 Регистрация отправки, 14 Таможенное оформление, 15..18 final dispositions, 19 Таможенные платежи
 * поступили, 20 Регистрация, 21 Доставка, 22 Недоставка, 24 Продление срока выпуска таможней, 26 Отмена, 27/28/37
 * electronic registration, 31 and 33 carrier and international handling, 39/40/41 customs declarations and
 * payments, 42 second failed attempt. Sub-statuses are the shared {@link SubStatus} vocabulary; a code not in the
 * tables stays IN_TRANSIT with none (its raw code and text are kept by the caller).
 */
final class RussianPostOperations {

    /** The normalized status and sub-status ({@link SubStatus}'s words, or none) of one operation. */
    record Normalized(TrackingStatus status, @Nullable String subStatus) {}

    private RussianPostOperations() {}

    static Normalized normalize(int type, int attr) {
        return switch (type) {
            case 1 -> transit(SubStatus.PICKED_UP);
            case 2 -> handedOver(attr);
            case 3 -> exception(SubStatus.RETURNING);
            case 5 -> exception(attr == 1 ? SubStatus.LOST : null);
            case 6 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, null);
            case 7, 15, 16, 17, 26 -> exception(null);
            case 8 -> processing(attr);
            case 9 -> transit(SubStatus.ARRIVED_DESTINATION_COUNTRY);
            case 10 -> transit(SubStatus.EXPORT_CUSTOMS);
            case 11, 19, 40, 41 -> transit(SubStatus.CUSTOMS_PROCESSING);
            case 12, 42 -> attemptFailed(attr == 1 || attr == 10 || attr == 21 ? SubStatus.ADDRESSEE_ABSENT : null);
            case 13 -> transit(SubStatus.DEPARTURE);
            case 14 -> customs(attr);
            case 18 -> exception(SubStatus.LOST);
            case 20, 27, 28, 37 -> new Normalized(TrackingStatus.INFO_RECEIVED, null);
            case 21 -> new Normalized(TrackingStatus.DELIVERED, null);
            case 22 -> attemptFailed(null);
            case 24 -> transit(SubStatus.CUSTOMS_HELD);
            case 39 ->
                transit(attr == 3 || attr == 4 || attr == 6 ? SubStatus.CUSTOMS_HELD : SubStatus.CUSTOMS_PROCESSING);
            default -> transit(null);
        };
    }

    /** 2 Вручение: to the addressee (1, 3, 5, 6, 8, 10..13) or back to the sender (2, 4, 7, 9). */
    private static Normalized handedOver(int attr) {
        return switch (attr) {
            case 2, 4, 7, 9 -> exception(SubStatus.RETURNING);
            default -> new Normalized(TrackingStatus.DELIVERED, null);
        };
    }

    /** 8 Обработка: where the parcel is; arrival where it is handed over (office, locker, centre) means pickup. */
    private static Normalized processing(int attr) {
        return switch (attr) {
            case 1 -> transit(SubStatus.DEPARTURE);
            case 2, 9, 14 -> new Normalized(TrackingStatus.AVAILABLE_FOR_PICKUP, null);
            case 3, 4 -> transit(SubStatus.SORTING);
            case 13 -> transit(SubStatus.ARRIVED_DESTINATION_COUNTRY);
            case 15, 18 -> new Normalized(TrackingStatus.OUT_FOR_DELIVERY, null);
            default -> transit(null);
        };
    }

    /**
     * 14 Таможенное оформление: released (1, 13, 16); returned (2); release refused (4, 9, 14, 18), an exception
     * while held; held for documents, inspection or duties (7, 8, 15, 17, 19); otherwise in progress.
     */
    private static Normalized customs(int attr) {
        return switch (attr) {
            case 1, 13, 16 -> transit(SubStatus.CUSTOMS_RELEASED);
            case 2 -> exception(SubStatus.RETURNING);
            case 4, 9, 14, 18 -> exception(SubStatus.CUSTOMS_HELD);
            case 7, 8, 15, 17, 19 -> transit(SubStatus.CUSTOMS_HELD);
            default -> transit(SubStatus.CUSTOMS_PROCESSING);
        };
    }

    private static Normalized transit(@Nullable String subStatus) {
        return new Normalized(TrackingStatus.IN_TRANSIT, subStatus);
    }

    private static Normalized attemptFailed(@Nullable String subStatus) {
        return new Normalized(TrackingStatus.ATTEMPT_FAIL, subStatus);
    }

    private static Normalized exception(@Nullable String subStatus) {
        return new Normalized(TrackingStatus.EXCEPTION, subStatus);
    }
}
