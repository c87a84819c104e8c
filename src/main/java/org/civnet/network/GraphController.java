package org.civnet.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.network.NetworkStore.GraphStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "graph")
class GraphController {

    private final NetworkStore store;

    GraphController(NetworkStore store) {
        this.store = store;
    }

    @GetMapping("/api/graph/stats")
    @Operation(summary = "Node and tie counts per kind, and the graph version that every write bumps")
    GraphStats stats() {
        return store.stats();
    }
}
