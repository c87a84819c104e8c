package org.civnet.network;


import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.civnet.security.Role;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.civnet.api.MergePatch;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.TieType;

@RestController
@RequestMapping("/api")
@Tag(name = "ties and introductions")
class TieController {

    private final TieService service;

    TieController(TieService service) {
        this.service = service;
    }

    @PostMapping("/ties")
    @Operation(summary = "Create a tie (201), or update the stored one (200) changing only the fields given; "
            + "KNOWS is undirected and stored once per pair")
    ResponseEntity<Tie> create(@RequestBody Tie tie) {
        NetworkStore.MergedTie merged = service.upsert(tie);
        return ResponseEntity.status(merged.created() ? HttpStatus.CREATED : HttpStatus.OK).body(merged.tie());
    }

    @GetMapping("/ties")
    @Operation(summary = "The ties of one node")
    List<Tie> tiesOf(@RequestParam String node, Role role) {
        return service.tiesOf(node, role);
    }

    @DeleteMapping("/ties")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@RequestParam TieType type, @RequestParam String from, @RequestParam String to) {
        service.delete(type, from, to);
    }

    @PostMapping("/introductions")
    @Operation(summary = "Record an introduction; MADE creates or strengthens the KNOWS tie between recipient and introduced")
    ResponseEntity<Introduction> introduce(@RequestBody Introduction introduction) {
        Introduction saved = service.create(introduction);
        return ResponseEntity.created(URI.create("/api/introductions/" + saved.id())).body(saved);
    }

    @GetMapping("/introductions/{id}")
    Introduction introduction(@PathVariable String id) {
        return service.getIntroduction(id);
    }

    @PatchMapping(path = "/introductions/{id}", consumes = MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change only the fields named (JSON Merge Patch, RFC 7396), e.g. {\"status\":\"MADE\"}: the note "
            + "and every other field are kept; MADE creates or strengthens the tie")
    Introduction patchIntroduction(@PathVariable String id, @RequestBody JsonNode patch) {
        return service.patchIntroduction(id, patch);
    }

    @PutMapping("/introductions/{id}")
    @Operation(summary = "Replace an introduction (every field; one left out is removed): REQUESTED → MADE or DECLINED")
    Introduction update(@PathVariable String id, @RequestBody Introduction introduction) {
        if (introduction.id() != null && !introduction.id().equals(id)) {
            throw new InvalidInputException("id", "'" + introduction.id() + "' differs from the id in the path '" + id + "'");
        }
        service.getIntroduction(id);
        return service.upsert(new Introduction(id, introduction.introducer(), introduction.introduced(),
                introduction.recipient(), introduction.status(), introduction.date(), introduction.note(),
                introduction.responsibleOfficer()));
    }
}
