package dev.silkway.tracking.carrier.russianpost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.TrackingStatus;
import jakarta.xml.bind.JAXBContext;
import java.io.StringReader;
import java.time.Instant;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.russianpost.operationhistory.data.OperationHistoryData;

class RussianPostRecordsTest {

    /** The historyRecord of Russian Post's documented example answer, elements it leaves out left out here too. */
    private static final String DOCUMENTED_ANSWER = """
            <ns3:OperationHistoryData xmlns:ns3="http://russianpost.org/operationhistory/data">
              <ns3:historyRecord>
                <ns3:AddressParameters>
                  <ns3:DestinationAddress><ns3:Index>663300</ns3:Index><ns3:Description>Норильск Почтамт</ns3:Description></ns3:DestinationAddress>
                  <ns3:OperationAddress><ns3:Index>111555</ns3:Index><ns3:Description>Москва 555</ns3:Description></ns3:OperationAddress>
                  <ns3:CountryOper><ns3:Id>643</ns3:Id><ns3:Code2A>RU</ns3:Code2A><ns3:Code3A>RUS</ns3:Code3A>
                    <ns3:NameRU>Российская Федерация</ns3:NameRU><ns3:NameEN>Russian Federation</ns3:NameEN></ns3:CountryOper>
                </ns3:AddressParameters>
                <ns3:FinanceParameters><ns3:Payment>2500000</ns3:Payment><ns3:Value>2500000</ns3:Value></ns3:FinanceParameters>
                <ns3:ItemParameters>
                  <ns3:Barcode>EA123456789RU</ns3:Barcode><ns3:ValidRuType>true</ns3:ValidRuType><ns3:ValidEnType>false</ns3:ValidEnType>
                  <ns3:MailType><ns3:Id>7</ns3:Id><ns3:Name>Отправление EMS</ns3:Name></ns3:MailType>
                  <ns3:Mass>2281</ns3:Mass>
                </ns3:ItemParameters>
                <ns3:OperationParameters>
                  <ns3:OperType><ns3:Id>1</ns3:Id><ns3:Name>Прием</ns3:Name></ns3:OperType>
                  <ns3:OperAttr><ns3:Id>1</ns3:Id><ns3:Name>Единичный</ns3:Name></ns3:OperAttr>
                  <ns3:OperDate>2015-07-09T18:08:00.000+03:00</ns3:OperDate>
                </ns3:OperationParameters>
                <ns3:UserParameters><ns3:Sndr>ИВАНОВ И Н</ns3:Sndr><ns3:Rcpn>ПЕТРОВ Н И</ns3:Rcpn></ns3:UserParameters>
              </ns3:historyRecord>
            </ns3:OperationHistoryData>
            """;

    @Test
    void readsTheDocumentedRecordAsAnEventWithItsCodeWordsPlaceAndTime() throws Exception {
        OperationHistoryData data = JAXBContext.newInstance(OperationHistoryData.class)
                .createUnmarshaller()
                .unmarshal(new StreamSource(new StringReader(DOCUMENTED_ANSWER)), OperationHistoryData.class)
                .getValue();

        CarrierEvent event = RussianPostRecords.event(data.getHistoryRecord().getFirst());

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2015-07-09T15:08:00Z"));
        assertThat(event.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
        assertThat(event.subStatus()).isEqualTo("picked_up");
        assertThat(event.rawStatus()).isEqualTo("1.1");
        assertThat(event.description()).isEqualTo("Прием: Единичный");
        assertThat(event.location()).isEqualTo("111555 Москва 555");
        assertThat(event.raw())
                .contains("\"OperType\":{\"Id\":1,\"Name\":\"Прием\"}")
                .contains("\"Barcode\":\"EA123456789RU\"")
                .doesNotContain("ИВАНОВ");
    }
}
