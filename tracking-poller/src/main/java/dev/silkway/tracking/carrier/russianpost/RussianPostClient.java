package dev.silkway.tracking.carrier.russianpost;

import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.carrier.CarrierEvent;
import dev.silkway.tracking.carrier.CarrierUnavailable;
import dev.silkway.tracking.carrier.TrackedNumber;
import dev.silkway.tracking.carrier.TrackedParcel;
import dev.silkway.tracking.carrier.TrackingBatch;
import jakarta.xml.ws.WebServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.transport.http.HTTPException;
import org.russianpost.operationhistory.AuthorizationFault;
import org.russianpost.operationhistory.GetOperationHistory;
import org.russianpost.operationhistory.OperationHistory12;
import org.russianpost.operationhistory.OperationHistoryFault;
import org.russianpost.operationhistory.data.AuthorizationHeader;
import org.russianpost.operationhistory.data.OperationHistoryData;
import org.russianpost.operationhistory.data.OperationHistoryRecord;
import org.russianpost.operationhistory.data.OperationHistoryRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Russian Post tracking (api {@code russian-post}): one {@code getOperationHistory} per number over SOAP 1.2 through
 * the CXF port generated from the WSDL in {@code src/main/resources/wsdl/russianpost}. A number with no operations,
 * or one the service calls malformed (OperationHistoryFault), is unknown; an AuthorizationFault, a 5xx or another
 * HTTP error, an answer past its size or time bound, or an unreachable service is {@link CarrierUnavailable}, a 429
 * with the wait of a second. Credentials are never logged.
 */
@Component
@EnableConfigurationProperties(RussianPostProperties.class)
class RussianPostClient implements CarrierApi {

    static final String API = "russian-post";
    private static final Logger log = LoggerFactory.getLogger(RussianPostClient.class);

    private final RussianPostProperties properties;
    private final OperationHistory12 port;

    RussianPostClient(RussianPostProperties properties) {
        this.properties = properties;
        this.port = RussianPostPort.create(properties);
    }

    @Override
    public String api() {
        return API;
    }

    @Override
    public int batchSize() {
        return 1;
    }

    @Override
    public double callsPerSecond() {
        return properties.callsPerSecond();
    }

    @Override
    public TrackingBatch track(List<TrackedNumber> numbers) {
        if (numbers.size() > batchSize()) {
            throw new IllegalArgumentException("Russian Post tracks one number per request, not " + numbers.size());
        }
        List<TrackedParcel> parcels = new ArrayList<>();
        List<TrackedNumber> unknown = new ArrayList<>();
        for (TrackedNumber number : numbers) {
            List<CarrierEvent> events = history(number.trackNumber());
            if (events.isEmpty()) {
                unknown.add(number);
            } else {
                parcels.add(new TrackedParcel(number, events));
            }
        }
        return new TrackingBatch(parcels, unknown);
    }

    private List<CarrierEvent> history(String barcode) {
        try {
            OperationHistoryData data =
                    port.getOperationHistory(request(barcode)).getOperationHistoryData();
            List<CarrierEvent> events = new ArrayList<>();
            if (data != null) {
                for (OperationHistoryRecord record : data.getHistoryRecord()) {
                    if (record != null) {
                        events.add(RussianPostRecords.event(record));
                    }
                }
            }
            return events;
        } catch (OperationHistoryFault fault) {
            log.info("Russian Post does not know {} ({})", barcode, fault.getFaultInfo());
            return List.of();
        } catch (AuthorizationFault fault) {
            throw CarrierUnavailable.of(API, "authorization refused (" + fault.getFaultInfo() + ")", null);
        } catch (WebServiceException failure) {
            throw unavailable(failure);
        }
    }

    private GetOperationHistory request(String barcode) {
        OperationHistoryRequest request = new OperationHistoryRequest();
        request.setBarcode(barcode);
        request.setMessageType(0);
        request.setLanguage(properties.language());
        AuthorizationHeader authorization = new AuthorizationHeader();
        authorization.setLogin(properties.login());
        authorization.setPassword(properties.password());
        authorization.setMustUnderstand(Boolean.TRUE);
        GetOperationHistory call = new GetOperationHistory();
        call.setOperationHistoryRequest(request);
        call.setAuthorizationHeader(authorization);
        return call;
    }

    private static CarrierUnavailable unavailable(WebServiceException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HTTPException http) {
                return http.getResponseCode() == 429
                        ? CarrierUnavailable.rateLimited(API, Duration.ofSeconds(1))
                        : CarrierUnavailable.of(API, "HTTP " + http.getResponseCode(), null);
            }
            if (t instanceof AnswerBounds.AnswerRefused refused) {
                return CarrierUnavailable.of(API, refused.getMessage(), null);
            }
        }
        return CarrierUnavailable.of(API, describe(failure), failure);
    }

    /** The failure's kind and the innermost cause's class, never its message (which may quote the request). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName() + " caused by "
                + root.getClass().getSimpleName();
    }
}
