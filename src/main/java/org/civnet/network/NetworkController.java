package org.civnet.network;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/networks")
@Tag(name = "networks")
class NetworkController extends NodeController<Network> {
    NetworkController(NodeService service, org.civnet.security.PseudonymIds ids) {
        super(NodeKind.NETWORK, service, ids);
    }
}
