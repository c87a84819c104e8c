package org.civnet.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.domain.Ids;
import org.civnet.domain.IntroductionStatus;
import org.civnet.network.NetworkStore.Page;
import org.civnet.security.Role;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "ties and introductions")
class IntroductionListController {

    private final IntroductionList introductions;

    IntroductionListController(IntroductionList introductions) {
        this.introductions = introductions;
    }

    @GetMapping("/api/introductions")
    @Operation(summary = "Introductions, newest first (by date, then when recorded), each as GET /api/introductions/{id} "
            + "gives it with who recorded it and the three people's names; person matches any of the three roles; "
            + "mine=true: those whose recipient is your linked contact, or that you recorded or are responsible for")
    Page<IntroductionItem> list(
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String person,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String recipient,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String introducer,
            @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String introduced,
            @RequestParam(required = false) IntroductionStatus status,
            @RequestParam(required = false) @Size(min = 1, max = 128) String recordedBy,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            Role role) {
        return introductions.list(new IntroductionList.Filter(person, recipient, introducer, introduced, status, recordedBy,
                mine), page, size, role);
    }
}
