package org.civnet.network;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/contacts")
@Tag(name = "contacts")
class ContactController extends NodeController<Contact> {
    ContactController(NodeService service, org.civnet.security.PseudonymIds ids) {
        super(NodeKind.CONTACT, service, ids);
    }
}
