package org.civnet.consent;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.consent.ExpiringConsents.ExpiringConsent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consent follow-ups: the consents to renew before they lapse. Consent itself is a contact's field. */
@RestController
@Tag(name = "activities")
class ConsentController {

    private final ExpiringConsents expiring;

    ConsentController(ExpiringConsents expiring) {
        this.expiring = expiring;
    }

    @GetMapping("/api/followups/consents")
    @Operation(summary = "Consents that lapse within the next days (within, default civnet.consent.expiring-days = 30),"
            + " soonest first: ask the person to renew them")
    List<ExpiringConsent> expiring(@RequestParam(required = false) Integer within) {
        return expiring.within(within);
    }
}
