package dev.silkway.sandbox.russianpost;

import dev.silkway.sandbox.carriers.CarrierClocks;
import dev.silkway.sandbox.journey.JourneyEvent;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Russian Post's answers as its JAX-WS RI service writes them: SOAP 1.2 envelopes with the {@code S:} prefix and the
 * data namespace as {@code ns3}, a getOperationHistoryResponse with one historyRecord per operation, and faults
 * (HTTP 500) whose Detail names the fault element: AuthorizationFaultReason, OperationHistoryFaultReason.
 */
final class SoapAnswers {

    static final MediaType SOAP_XML = new MediaType("application", "soap+xml", StandardCharsets.UTF_8);
    private static final DateTimeFormatter OPER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final String NAMESPACES = " xmlns:ns2=\"http://russianpost.org/sms-info/data\""
            + " xmlns:ns3=\"http://russianpost.org/operationhistory/data\""
            + " xmlns:ns4=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:ns5=\"http://www.russianpost.org/custom-duty-info/data\""
            + " xmlns:ns6=\"http://www.russianpost.org/RTM/DataExchangeESPP/Data\""
            + " xmlns:ns7=\"http://russianpost.org/operationhistory\"";

    private SoapAnswers() {}

    static ResponseEntity<String> history(String barcode, List<JourneyEvent> events, boolean english) {
        StringBuilder xml = new StringBuilder(512 + events.size() * 1200);
        xml.append("<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"")
                .append(HistoryRequest.SOAP12)
                .append("\"><S:Body><ns7:getOperationHistoryResponse")
                .append(NAMESPACES)
                .append("><ns3:OperationHistoryData>");
        for (JourneyEvent event : events) {
            record(xml, barcode, event, english);
        }
        xml.append("</ns3:OperationHistoryData></ns7:getOperationHistoryResponse></S:Body></S:Envelope>");
        return ResponseEntity.ok().contentType(SOAP_XML).body(xml.toString());
    }

    static ResponseEntity<String> authorizationFault(String reason) {
        return fault("S:Sender", reason, "AuthorizationFaultReason", reason);
    }

    static ResponseEntity<String> historyFault(String reason) {
        return fault("S:Sender", reason, "OperationHistoryFaultReason", reason);
    }

    /** A fault of the SOAP layer itself (not SOAP 1.2, not getOperationHistory), with no Detail. */
    static ResponseEntity<String> soapFault(String code, String reason) {
        return fault(code, reason, null, null);
    }

    private static ResponseEntity<String> fault(String code, String reason, String detail, String detailText) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S=\"")
                .append(HistoryRequest.SOAP12)
                .append("\"><S:Body><S:Fault xmlns:ns4=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Code><S:Value>")
                .append(code)
                .append("</S:Value></S:Code><S:Reason><S:Text xml:lang=\"ru\">")
                .append(escape(reason))
                .append("</S:Text></S:Reason>");
        if (detail != null) {
            xml.append("<S:Detail><ns3:")
                    .append(detail)
                    .append(NAMESPACES)
                    .append('>')
                    .append(escape(detailText))
                    .append("</ns3:")
                    .append(detail)
                    .append("></S:Detail>");
        }
        xml.append("</S:Fault></S:Body></S:Envelope>");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(SOAP_XML)
                .body(xml.toString());
    }

    private static void record(StringBuilder xml, String barcode, JourneyEvent event, boolean english) {
        OperationCodes codes = OperationCodes.of(event.stage());
        PostOffices.Office office = PostOffices.of(event.location(), event.stage());
        PostOffices.Country country = office.country();
        xml.append("<ns3:historyRecord><ns3:AddressParameters><ns3:OperationAddress>");
        element(xml, "Index", office.index());
        element(xml, "Description", office.description());
        xml.append("</ns3:OperationAddress><ns3:MailDirect>");
        country(xml, PostOffices.RUSSIA);
        xml.append("</ns3:MailDirect><ns3:CountryOper>");
        country(xml, country);
        xml.append("</ns3:CountryOper></ns3:AddressParameters><ns3:FinanceParameters>");
        for (String money :
                new String[] {"Payment", "Value", "MassRate", "InsrRate", "AirRate", "Rate", "CustomDuty"}) {
            element(xml, money, "0");
        }
        xml.append("</ns3:FinanceParameters><ns3:ItemParameters>");
        element(xml, "Barcode", barcode);
        element(xml, "ValidRuType", String.valueOf(barcode.length() == 14));
        element(xml, "ValidEnType", String.valueOf(barcode.length() == 13));
        element(xml, "ComplexItemName", "Посылка");
        parameter(xml, "MailRank", 0, "Без разряда");
        parameter(xml, "PostMark", 0, "Без отметки");
        parameter(xml, "MailType", 4, "Посылка");
        parameter(xml, "MailCtg", 1, "Простое");
        xml.append("</ns3:ItemParameters><ns3:OperationParameters>");
        parameter(xml, "OperType", codes.type(), codes.typeName(english));
        parameter(xml, "OperAttr", codes.attr(), codes.attrName(english));
        element(xml, "OperDate", OPER_DATE.format(event.at().atOffset(CarrierClocks.offset(event))));
        xml.append("</ns3:OperationParameters><ns3:UserParameters>");
        parameter(xml, "SendCtg", 1, "Население");
        xml.append("</ns3:UserParameters></ns3:historyRecord>");
    }

    private static void country(StringBuilder xml, PostOffices.Country country) {
        element(xml, "Id", String.valueOf(country.id()));
        element(xml, "Code2A", country.code2());
        element(xml, "Code3A", country.code3());
        element(xml, "NameRU", country.nameRu());
        element(xml, "NameEN", country.nameEn());
    }

    private static void parameter(StringBuilder xml, String name, int id, String text) {
        xml.append("<ns3:").append(name).append('>');
        element(xml, "Id", String.valueOf(id));
        if (!text.isEmpty()) {
            element(xml, "Name", text);
        }
        xml.append("</ns3:").append(name).append('>');
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append("<ns3:")
                .append(name)
                .append('>')
                .append(escape(text))
                .append("</ns3:")
                .append(name)
                .append('>');
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
