package org.civnet.network;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/organisations")
@Tag(name = "organisations")
class OrganisationController extends NodeController<Organisation> {
    OrganisationController(NodeService service, org.civnet.security.PseudonymIds ids) {
        super(NodeKind.ORGANISATION, service, ids);
    }
}
