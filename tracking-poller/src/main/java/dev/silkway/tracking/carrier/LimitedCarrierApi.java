package dev.silkway.tracking.carrier;

import dev.silkway.platform.outbound.AnswerLimits;
import java.time.Duration;
import java.util.List;

/**
 * A carrier client's fixed part: its name, the batch size and rate its platform allows, and its bounded transport;
 * {@link #checkBatch} refuses a request the platform would, before anything is sent.
 */
public abstract class LimitedCarrierApi implements CarrierApi {

    private final String api;
    private final int batchSize;
    private final double callsPerSecond;
    protected final CarrierTransport transport;

    protected LimitedCarrierApi(
            String api, int batchSize, double callsPerSecond, Duration connectTimeout, AnswerLimits limits) {
        this.api = api;
        this.batchSize = batchSize;
        this.callsPerSecond = callsPerSecond;
        this.transport = new CarrierTransport(api, connectTimeout, limits);
    }

    @Override
    public final String api() {
        return api;
    }

    @Override
    public final int batchSize() {
        return batchSize;
    }

    @Override
    public final double callsPerSecond() {
        return callsPerSecond;
    }

    protected final void checkBatch(List<TrackedNumber> numbers) {
        if (numbers.isEmpty() || numbers.size() > batchSize) {
            throw new IllegalArgumentException(api + " takes 1.." + batchSize + " numbers per request");
        }
    }
}
