package org.civnet.network;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.civnet.domain.FollowUp;

/** CRUD for country visits; who took part is recorded as ties (see {@link FollowUp} for their status). */
@RestController
@Validated
@RequestMapping("/api/country-visits")
@Tag(name = "activities")
class CountryVisitController extends NodeController<Activities.CountryVisit> {
    CountryVisitController(NodeService service, org.civnet.security.PseudonymIds ids) {
        super(NodeKind.COUNTRY_VISIT, service, ids);
    }
}
