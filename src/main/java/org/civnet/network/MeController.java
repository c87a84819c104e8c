package org.civnet.network;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.Sensitivity;
import org.civnet.security.AuditLog;
import org.civnet.security.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Me": a user account linked to the contact that is that officer, so referrals start from her by
 * default. She links herself; an ADMIN links anyone. The contact must be a stored Contact.
 */
@RestController
@Tag(name = "users and tokens")
class MeController {

    /** The contact to link; null unlinks. */
    record Link(@Sensitivity(Sensitivity.Kind.SAFE) String contact) {
    }

    /** A user and the contact it is now linked to. */
    record Linked(@Sensitivity(Sensitivity.Kind.SAFE) String username, @Sensitivity(Sensitivity.Kind.SAFE) String contact) {
    }

    private final UserAccounts accounts;
    private final NetworkStore store;
    private final AuditLog audit;

    MeController(UserAccounts accounts, NetworkStore store, AuditLog audit) {
        this.accounts = accounts;
        this.store = store;
        this.audit = audit;
    }

    @PutMapping("/api/me/contact")
    @Operation(summary = "Link your account to the contact that is you (referrals then start from it); null unlinks")
    Linked linkMe(@RequestBody Link link, Authentication authentication) {
        return link(authentication.getName(), link);
    }

    @PutMapping("/api/users/{username}/contact")
    @Operation(summary = "Link a user's account to the contact that is that person (ADMIN)")
    Linked linkUser(@PathVariable String username, @RequestBody Link link) {
        return link(username, link);
    }

    private Linked link(String username, Link link) {
        if (link == null || link.contact() == null) {
            accounts.linkContact(username, null);
            audit.record(AuditLog.Action.USER_LINKED, username, "unlinked");
            return new Linked(username, null);
        }
        NodeLabel label = store.labelsOf(List.of(link.contact())).get(link.contact());
        if (label == null) {
            throw new NotFoundException("contact", link.contact());
        }
        if (label != NodeLabel.Contact) {
            throw new InvalidInputException("contact", "'" + link.contact() + "' is a " + label + ", not a contact");
        }
        accounts.linkContact(username, link.contact());
        audit.record(AuditLog.Action.USER_LINKED, username, "linked to contact " + link.contact());
        return new Linked(username, link.contact());
    }
}
