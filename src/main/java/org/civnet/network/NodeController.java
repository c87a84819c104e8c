package org.civnet.network;

import java.net.URI;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.civnet.network.NetworkStore.NodeFilter;
import org.civnet.network.NetworkStore.Page;
import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.api.MergePatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.civnet.domain.Region;
import org.civnet.domain.Sensitivity;
import org.civnet.security.PseudonymIds;
import org.civnet.security.Role;

/**
 * The same five endpoints for every node kind; each kind's controller only names its kind and
 * path. Mappings on this generic class are inherited, and Spring resolves {@code T} per subclass.
 */
abstract class NodeController<T> {

    /** What a delete removed. */
    record Deleted(@Sensitivity(Sensitivity.Kind.SAFE) String deleted, long tiesRemoved, Long introductionsRemoved) {
    }

    private final NodeKind<T> kind;
    private final NodeService service;
    private final PseudonymIds ids;

    NodeController(NodeKind<T> kind, NodeService service, PseudonymIds ids) {
        this.kind = kind;
        this.service = service;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<T> create(@RequestBody T record) {
        T created = service.create(kind, record);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(kind.idOf().apply(created)).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    T get(@PathVariable String id, Role role) {
        return service.get(kind, ids.resolve("id", id, role), role);
    }

    @PutMapping("/{id}")
    T replace(@PathVariable String id, @RequestBody T record) {
        return service.replace(kind, id, record);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    T patch(@PathVariable String id, @RequestBody JsonNode patch) {
        return service.patch(kind, id, patch);
    }

    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id) {
        NetworkStore.Deleted deleted = service.delete(kind, id);
        return new Deleted(id, deleted.ties(), deleted.introductions() > 0 ? deleted.introductions() : null);
    }

    @GetMapping
    Page<T> list(@RequestParam(required = false) Region region,
                 @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
                 @RequestParam(required = false) @Pattern(regexp = Themes.PATTERN, message = Themes.MESSAGE) String theme,
                 @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") @Min(0) int page,
                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                 Role role) {
        return service.list(kind, new NodeFilter(region, country, theme, q), page, size, role);
    }
}
