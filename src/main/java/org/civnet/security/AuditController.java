package org.civnet.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verification of the audit chain (ADMIN, as all of {@code /api/audit/**}; see SecurityConfig). */
@RestController
@Tag(name = "users, tokens and audit")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the audit log's hash chain (ADMIN): valid, entries checked, erased entries, the head "
            + "(sequence number and hash, to anchor outside civnet) and the first broken link (seq, id, problem: "
            + "ALTERED_CONTENT, MISSING_ENTRY, WRONG_PREVIOUS_HASH, OUTSIDE_CHAIN, UNACCOUNTED_TOMBSTONE, HEAD_MISMATCH)")
    AuditVerifier.Verification verify() {
        return verifier.verify();
    }
}
