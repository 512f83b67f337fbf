package dev.silkway.sandbox.russianpost;

import dev.silkway.sandbox.journey.JourneyEvent.Stage;

/**
 * A journey's stage told as Russian Post tells it: operation type and attribute (OperType/OperAttr) with their
 * names in Russian and English, after the service's tables "Коды операций" / "Атрибуты операций".
 */
record OperationCodes(int type, String typeRu, String typeEn, int attr, String attrRu, String attrEn) {

    static OperationCodes of(Stage stage) {
        return switch (stage) {
            case INFO_RECEIVED ->
                new OperationCodes(28, "Присвоение идентификатора", "Assigning an identifier", 0, "", "");
            case PICKED_UP -> new OperationCodes(1, "Прием", "Acceptance", 1, "Единичный", "Single");
            case DEPARTED_ORIGIN -> processing(1, "Покинуло место приема", "Left the place of acceptance");
            case EXPORT_CUSTOMS ->
                new OperationCodes(10, "Экспорт международной почты", "Export of international mail", 0, "", "");
            case LINE_DEPARTED ->
                processing(6, "Покинуло место международного обмена", "Left the place of international exchange");
            case ARRIVED_DESTINATION_COUNTRY -> processing(13, "Прибыло на территорию РФ", "Arrived in Russia");
            case IMPORT_CUSTOMS -> new OperationCodes(11, "Прием на таможню", "Customs acceptance", 0, "", "");
            case CUSTOMS_HELD -> customs(19, "Требуется предъявление в ТО", "Presentation to customs required");
            case CUSTOMS_RELEASED -> customs(1, "Выпущено таможней", "Released by customs");
            case RETURNED_BY_CUSTOMS -> customs(2, "Возвращено таможней", "Returned by customs");
            case HANDED_TO_LAST_MILE ->
                new OperationCodes(9, "Импорт международной почты", "Import of international mail", 0, "", "");
            case ARRIVED_SORTING_CENTRE ->
                processing(3, "Прибыло в сортировочный центр", "Arrived at the sorting centre");
            case OUT_FOR_DELIVERY -> processing(18, "Передано почтальону", "Handed to the postman");
            case AVAILABLE_FOR_PICKUP -> processing(2, "Прибыло в место вручения", "Arrived at the place of delivery");
            case DELIVERY_FAILED ->
                new OperationCodes(
                        12,
                        "Неудачная попытка вручения",
                        "Unsuccessful delivery attempt",
                        1,
                        "Временное отсутствие адресата",
                        "Addressee temporarily absent");
            case DELIVERED -> new OperationCodes(2, "Вручение", "Delivery", 1, "Вручение адресату", "To addressee");
            case LOST -> new OperationCodes(5, "Невручение", "Non-delivery", 1, "Утрачено", "Lost");
        };
    }

    String typeName(boolean english) {
        return english ? typeEn : typeRu;
    }

    String attrName(boolean english) {
        return english ? attrEn : attrRu;
    }

    private static OperationCodes processing(int attr, String ru, String en) {
        return new OperationCodes(8, "Обработка", "Processing", attr, ru, en);
    }

    private static OperationCodes customs(int attr, String ru, String en) {
        return new OperationCodes(14, "Таможенное оформление", "Customs clearance", attr, ru, en);
    }
}
