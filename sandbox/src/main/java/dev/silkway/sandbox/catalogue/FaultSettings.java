package dev.silkway.sandbox.catalogue;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The fault rates in force: start from configuration, changed at runtime through {@code /sandbox/admin/faults}. */
@Component
public class FaultSettings {

    private final AtomicReference<SandboxProperties.FaultRates> current;

    public FaultSettings(SandboxProperties properties) {
        this.current = new AtomicReference<>(properties.faults());
    }

    public SandboxProperties.FaultRates current() {
        return current.get();
    }

    public void replace(SandboxProperties.FaultRates rates) {
        current.set(rates);
    }
}
