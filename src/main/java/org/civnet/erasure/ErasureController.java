package org.civnet.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.civnet.domain.Sensitivity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.civnet.domain.Sensitivity.Kind.FREE_TEXT;

@RestController
@Tag(name = "erasure and retention")
class ErasureController {

    /** Why a person is erased: required, kept in the audit log (without the person's name). */
    record ErasureRequest(@Sensitivity(FREE_TEXT) @NotBlank @Size(max = 1000) String reason) {
    }

    private final ErasureService erasures;
    private final RetentionReview retention;

    ErasureController(ErasureService erasures, RetentionReview retention) {
        this.erasures = erasures;
        this.retention = retention;
    }

    @PostMapping("/api/contacts/{id}/erasure")
    @Operation(summary = "Erase (forget) a person (ADMIN): the contact, its ties and participations go; introductions "
            + "keep their dates with a tombstone for the person; audit entries keep what was done, with the tombstone "
            + "for who it was about; the person's data key is destroyed, so their channels and notes are unreadable in "
            + "every backup. One transaction. Audited (ERASURE) with who, when and the reason, never the person")
    ErasureService.Erasure erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        return erasures.erase(id, request.reason());
    }

    @GetMapping("/api/retention/review")
    @Operation(summary = "Contacts with no activity, tie contact, introduction or update for "
            + "civnet.retention.review-after-years years (or `years`), as of today (or `asOf`), oldest first: listed "
            + "for review, never deleted automatically (ADMIN, OFFICER)")
    RetentionReview.Review review(@RequestParam(required = false) Integer years,
                                  @RequestParam(required = false) java.time.LocalDate asOf,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "100") int size) {
        return retention.review(years, asOf, page, size);
    }
}
