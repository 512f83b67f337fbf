package dev.silkway.sandbox.partner;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/admin/partner/...}: how the callbacks misbehave ({@code GET|PUT callbacks}), and a SKU pinned sold
 * out, repriced or measured ({@code PUT skus/{marketplace}/{skuId}}, {@code DELETE skus}).
 */
@RestController
class PartnerAdmin {

    private final CallbackSender callbacks;
    private final SkuOverrides overrides;

    PartnerAdmin(CallbackSender callbacks, SkuOverrides overrides) {
        this.callbacks = callbacks;
        this.overrides = overrides;
    }

    @GetMapping("/sandbox/admin/partner/callbacks")
    CallbackSender.Misbehaviour callbacks() {
        return callbacks.misbehaviour();
    }

    @PutMapping("/sandbox/admin/partner/callbacks")
    CallbackSender.Misbehaviour callbacks(@RequestBody CallbackSender.Misbehaviour rates) {
        callbacks.misbehave(rates);
        return rates;
    }

    @PutMapping("/sandbox/admin/partner/skus/{marketplace}/{skuId}")
    SkuOverrides.Override pin(
            @PathVariable String marketplace, @PathVariable String skuId, @RequestBody SkuOverrides.Override pin) {
        overrides.put(marketplace, skuId, pin);
        return pin;
    }

    @DeleteMapping("/sandbox/admin/partner/skus")
    void unpinAll() {
        overrides.clear();
    }
}
