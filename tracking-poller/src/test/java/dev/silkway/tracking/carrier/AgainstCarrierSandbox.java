package dev.silkway.tracking.carrier;

import dev.silkway.platform.pacing.RateLimiter;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A carrier client's test against the shared {@link CarrierSandbox}: requests go {@link #paced} at 2 per second, below
 * every carrier's limit, as the poller's would (a deliberate burst is ordered last), and faults are switched off
 * again after each test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AgainstCarrierSandbox {

    protected static final CarrierSandbox SANDBOX = CarrierSandbox.shared();
    private static final RateLimiter PACE = RateLimiter.create(2, 1);

    @AfterEach
    void calm() {
        SANDBOX.noFaults();
    }

    protected static <T> T paced(Supplier<T> call) {
        PACE.acquire();
        return call.get();
    }

    protected static void paced(Runnable call) {
        PACE.acquire();
        call.run();
    }
}
