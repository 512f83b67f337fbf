package dev.silkway.sandbox.carriers;

import dev.silkway.sandbox.catalogue.Hashing;
import dev.silkway.sandbox.catalogue.SandboxProperties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carriers' misbehaviour in force (from configuration, replaced at runtime through
 * {@code GET|PUT /sandbox/admin/carrier-faults}), drawn from a seeded counter so that a run is repeatable. The
 * rate limit, 5xx and slow answers are the {@link dev.silkway.sandbox.catalogue.Gate}'s, as for every simulator.
 */
@RestController
public class CarrierMisbehaviour {

    private final long seed;
    private final AtomicReference<CarrierSandboxProperties.Misbehaviour> current;
    private final AtomicLong draws = new AtomicLong();

    public CarrierMisbehaviour(SandboxProperties sandbox, CarrierSandboxProperties properties) {
        this.seed = sandbox.seed();
        this.current = new AtomicReference<>(properties.misbehaviour());
    }

    public boolean duplicate() {
        return draw() < current.get().duplicate();
    }

    public boolean outOfOrder() {
        return draw() < current.get().outOfOrder();
    }

    public boolean unknown() {
        return draw() < current.get().unknown();
    }

    @GetMapping("/sandbox/admin/carrier-faults")
    CarrierSandboxProperties.Misbehaviour read() {
        return current.get();
    }

    @PutMapping("/sandbox/admin/carrier-faults")
    ResponseEntity<CarrierSandboxProperties.Misbehaviour> replace(
            @RequestBody CarrierSandboxProperties.Misbehaviour rates) {
        current.set(rates);
        return ResponseEntity.ok(rates);
    }

    private double draw() {
        return Hashing.unit(Hashing.mix(seed, 0x6361727269657273L, draws.getAndIncrement()));
    }
}
