package org.civnet.coverage;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import org.civnet.coverage.Memory.Reassigned;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.Sensitivity;
import org.civnet.security.AuditLog;
import org.civnet.security.Role;
import org.civnet.security.UserAccounts;
import org.springframework.stereotype.Service;

/**
 * A handover by responsibility: what one officer is responsible for (contacts, open introductions,
 * activities and so their follow-ups) passes to another, who must be a user able to follow it up
 * (an OFFICER or an ADMIN). The officer handing over need not have an account any more.
 */
@Service
class Reassignment {

    /**
     * A reassignment request; each part moves unless set to false.
     *
     * @param followUps the activities (communications, country visits, trainings), whose follow-ups go with them
     */
    record Request(@Sensitivity(SAFE) String from, @Sensitivity(SAFE) String to, Boolean contacts,
                   Boolean introductions, Boolean followUps) {
    }

    private final MemoryStore memory;
    private final UserAccounts accounts;
    private final AuditLog audit;

    Reassignment(MemoryStore memory, UserAccounts accounts, AuditLog audit) {
        this.memory = memory;
        this.accounts = accounts;
        this.audit = audit;
    }

    Reassigned reassign(Request request) {
        if (request == null || request.from() == null || request.from().isBlank() || request.from().length() > 128) {
            throw new InvalidInputException("from", "must be a user name of 1 to 128 characters");
        }
        if (request.to() == null || request.to().isBlank()) {
            throw new InvalidInputException("to", "must be a user name");
        }
        if (request.from().equals(request.to())) {
            throw new InvalidInputException("to", "is the same officer as from");
        }
        Role role = accounts.find(request.to()).map(UserAccounts.Account::role).orElse(null);
        if (role != Role.OFFICER && role != Role.ADMIN) {
            throw new InvalidInputException("to", role == null ? "'" + request.to() + "' is not a user"
                    : "'" + request.to() + "' is a " + role + "; only an OFFICER or an ADMIN can take over");
        }
        Reassigned moved = memory.reassign(request.from(), request.to(), !Boolean.FALSE.equals(request.contacts()),
                !Boolean.FALSE.equals(request.introductions()), !Boolean.FALSE.equals(request.followUps()));
        // User names and counts only: the log never names the people whose records moved.
        audit.record(AuditLog.Action.HANDOVER_REASSIGNED, request.from() + " -> " + request.to(), moved.contacts()
                + " contacts, " + moved.introductions() + " open introductions, " + moved.activities() + " activities");
        return moved;
    }
}
