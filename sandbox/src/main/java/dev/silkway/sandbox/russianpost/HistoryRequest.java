package dev.silkway.sandbox.russianpost;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A getOperationHistory request as read from its SOAP envelope with StAX (no DTDs, no external entities): the
 * envelope's namespace, the operation, OperationHistoryRequest{Barcode, MessageType, Language} and
 * AuthorizationHeader{login, password} with its soapenv:mustUnderstand.
 */
record HistoryRequest(
        String envelopeNamespace,
        @Nullable String operation,
        @Nullable String barcode,
        @Nullable String messageType,
        @Nullable String language,
        boolean hasAuthorization,
        @Nullable String mustUnderstand,
        @Nullable String login,
        @Nullable String password) {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String OPERATIONS = "http://russianpost.org/operationhistory";
    static final String DATA = "http://russianpost.org/operationhistory/data";

    private static final XMLInputFactory FACTORY = factory();

    /** Empty when the body is not a SOAP envelope at all. */
    static @Nullable HistoryRequest read(String body) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new StringReader(body));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
    }

    boolean mustUnderstandSet() {
        return "1".equals(mustUnderstand) || "true".equals(mustUnderstand);
    }

    boolean english() {
        return "ENG".equals(language);
    }

    private static @Nullable HistoryRequest read(XMLStreamReader xml) throws XMLStreamException {
        String envelope = null;
        boolean inBody = false;
        String operation = null;
        String barcode = null;
        String messageType = null;
        String language = null;
        boolean authorization = false;
        String mustUnderstand = null;
        String login = null;
        String password = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (envelope == null) {
                if (!name.equals("Envelope")) {
                    return null;
                }
                envelope = ns;
            } else if (name.equals("Body") && ns.equals(envelope)) {
                inBody = true;
            } else if (inBody && operation == null) {
                operation = ns.equals(OPERATIONS) ? name : "{" + ns + "}" + name;
            } else if (inBody && ns.equals(DATA)) {
                switch (name) {
                    case "Barcode" -> barcode = xml.getElementText().strip();
                    case "MessageType" -> messageType = xml.getElementText().strip();
                    case "Language" -> language = xml.getElementText().strip();
                    case "AuthorizationHeader" -> {
                        authorization = true;
                        mustUnderstand = xml.getAttributeValue(SOAP11, "mustUnderstand");
                    }
                    case "login" -> login = xml.getElementText();
                    case "password" -> password = xml.getElementText();
                    default -> {}
                }
            }
        }
        if (envelope == null) {
            return null;
        }
        return new HistoryRequest(
                envelope, operation, barcode, messageType, language, authorization, mustUnderstand, login, password);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
