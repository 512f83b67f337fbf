package dev.silkway.ingestion.rates;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CBR daily file ({@code XML_daily.asp}): windows-1251 (the parser follows the XML declaration), decimal
 * commas, {@code Value} per {@code Nominal} units, and the file's own {@code Date}, which may differ from the
 * requested one (weekends, holidays).
 */
public final class CbrRates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private CbrRates() {}

    /** One currency's rate as published. */
    public record Rate(String currency, String cbrId, int nominal, BigDecimal rate, BigDecimal unitRate) {}

    /** The file: the date it declares and its rates. */
    public record Daily(LocalDate date, List<Rate> rates) {}

    public static Daily parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Element root = doc.getDocumentElement();
            if (!"ValCurs".equals(root.getTagName())) {
                throw new IllegalArgumentException("not a CBR daily file: root is " + root.getTagName());
            }
            LocalDate date = LocalDate.parse(root.getAttribute("Date"), DATE);
            List<Rate> rates = new ArrayList<>();
            NodeList valutes = root.getElementsByTagName("Valute");
            for (int i = 0; i < valutes.getLength(); i++) {
                Element v = (Element) valutes.item(i);
                int nominal = Integer.parseInt(text(v, "Nominal").strip());
                BigDecimal value = decimal(text(v, "Value")).setScale(4, RoundingMode.HALF_UP);
                @Nullable String unit = optionalText(v, "VunitRate");
                BigDecimal unitRate = unit != null
                        ? decimal(unit).setScale(10, RoundingMode.HALF_UP)
                        : value.divide(BigDecimal.valueOf(nominal), 10, RoundingMode.HALF_UP);
                rates.add(new Rate(text(v, "CharCode").strip(), v.getAttribute("ID"), nominal, value, unitRate));
            }
            return new Daily(date, rates);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable CBR daily file: " + e.getMessage(), e);
        }
    }

    static BigDecimal decimal(String text) {
        return new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
    }

    private static String text(Element parent, String tag) {
        String value = optionalText(parent, tag);
        if (value == null) {
            throw new IllegalArgumentException("Valute " + parent.getAttribute("ID") + " has no " + tag);
        }
        return value;
    }

    private static @Nullable String optionalText(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
