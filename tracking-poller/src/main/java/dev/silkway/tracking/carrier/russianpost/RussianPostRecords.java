package dev.silkway.tracking.carrier.russianpost;

import dev.silkway.tracking.carrier.CarrierEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import org.jspecify.annotations.Nullable;
import org.russianpost.operationhistory.data.Address;
import org.russianpost.operationhistory.data.AddressParameters;
import org.russianpost.operationhistory.data.Country;
import org.russianpost.operationhistory.data.OperationHistoryRecord;
import org.russianpost.operationhistory.data.OperationParameters;
import org.russianpost.operationhistory.data.Rtm02Parameter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One historyRecord as a {@link CarrierEvent}: its OperDate, the normalized status of OperType/OperAttr, the raw
 * code {@code "type.attr"} (e.g. {@code 8.2}), the operation's own words ("Обработка: Прибыло в место вручения"),
 * the place (postal index and description), and the record's operation, place and item as JSON.
 */
final class RussianPostRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RussianPostRecords() {}

    static CarrierEvent event(OperationHistoryRecord record) {
        OperationParameters operation = record.getOperationParameters();
        if (operation == null || operation.getOperType() == null || operation.getOperDate() == null) {
            throw new IllegalArgumentException("a historyRecord without OperType or OperDate");
        }
        int type = operation.getOperType().getId();
        int attr = operation.getOperAttr() == null ? 0 : operation.getOperAttr().getId();
        RussianPostOperations.Normalized normalized = RussianPostOperations.normalize(type, attr);
        return new CarrierEvent(
                instant(operation.getOperDate()),
                normalized.status(),
                normalized.subStatus(),
                type + "." + attr,
                words(operation.getOperType(), operation.getOperAttr()),
                place(record.getAddressParameters()),
                JSON.writeValueAsString(raw(record)));
    }

    private static Instant instant(XMLGregorianCalendar date) {
        return date.toGregorianCalendar().toZonedDateTime().toInstant();
    }

    private static @Nullable String words(Rtm02Parameter type, @Nullable Rtm02Parameter attr) {
        String name = type.getName();
        String attrName = attr == null ? null : attr.getName();
        if (name == null || name.isBlank()) {
            return attrName;
        }
        return attrName == null || attrName.isBlank() ? name : name + ": " + attrName;
    }

    private static @Nullable String place(@Nullable AddressParameters address) {
        Address at = address == null ? null : address.getOperationAddress();
        if (at == null) {
            return null;
        }
        String index = at.getIndex() == null ? "" : at.getIndex().strip();
        String description =
                at.getDescription() == null ? "" : at.getDescription().strip();
        String place = (index + " " + description).strip();
        return place.isEmpty() ? null : place;
    }

    private static Map<String, Object> raw(OperationHistoryRecord record) {
        OperationParameters operation = record.getOperationParameters();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("OperType", parameter(operation.getOperType()));
        raw.put("OperAttr", parameter(operation.getOperAttr()));
        raw.put("OperDate", operation.getOperDate().toXMLFormat());
        AddressParameters address = record.getAddressParameters();
        if (address != null) {
            raw.put("OperationAddress", address(address.getOperationAddress()));
            raw.put("DestinationAddress", address(address.getDestinationAddress()));
            raw.put("CountryOper", country(address.getCountryOper()));
        }
        if (record.getItemParameters() != null) {
            raw.put("Barcode", record.getItemParameters().getBarcode());
            raw.put("Mass", record.getItemParameters().getMass());
        }
        return raw;
    }

    private static @Nullable Map<String, Object> parameter(@Nullable Rtm02Parameter parameter) {
        return parameter == null ? null : fields("Id", parameter.getId(), "Name", parameter.getName());
    }

    private static @Nullable Map<String, Object> address(@Nullable Address address) {
        return address == null ? null : fields("Index", address.getIndex(), "Description", address.getDescription());
    }

    private static @Nullable Map<String, Object> country(@Nullable Country country) {
        return country == null
                ? null
                : fields("Id", country.getId(), "Code2A", country.getCode2A(), "NameRU", country.getNameRU());
    }

    /** Names and values in turn, in order; a null value is kept as JSON null. */
    private static Map<String, Object> fields(@Nullable Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return map;
    }
}
