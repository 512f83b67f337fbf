package dev.silkway.sandbox.catalogue;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /sandbox/admin/faults}: read or replace the fault rates at runtime;
 * {@code PUT /sandbox/admin/faults/{service}/next}: script the verdicts of one service's next requests
 * ({@code [{"verdict":"RATE_LIMITED","delay":"PT0S"}, {"verdict":"PASS","delay":"PT3S"}]}).
 */
@RestController
class FaultsController {

    private final FaultSettings faults;
    private final Gate gate;

    FaultsController(FaultSettings faults, Gate gate) {
        this.faults = faults;
        this.gate = gate;
    }

    @GetMapping("/sandbox/admin/faults")
    SandboxProperties.FaultRates current() {
        return faults.current();
    }

    @PutMapping("/sandbox/admin/faults")
    SandboxProperties.FaultRates replace(@RequestBody SandboxProperties.FaultRates rates) {
        faults.replace(rates);
        return rates;
    }

    @PutMapping("/sandbox/admin/faults/{service}/next")
    List<Gate.Scripted> script(@PathVariable String service, @RequestBody List<Gate.Scripted> next) {
        gate.script(service, next);
        return next;
    }
}
