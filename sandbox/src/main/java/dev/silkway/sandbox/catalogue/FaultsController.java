package dev.silkway.sandbox.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /sandbox/admin/faults}: read or replace the fault rates at runtime. */
@RestController
class FaultsController {

    private final FaultSettings faults;

    FaultsController(FaultSettings faults) {
        this.faults = faults;
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
}
