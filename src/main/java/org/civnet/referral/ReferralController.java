package org.civnet.referral;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.analysis.cost.CostModel;
import org.civnet.domain.ContactKind;
import org.civnet.gate.Estimate;
import org.civnet.gate.Estimates;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Purpose;
import org.civnet.domain.Region;
import org.civnet.network.Themes;
import org.civnet.security.AuditLog;
import org.civnet.security.PseudonymIds;
import org.civnet.security.UserAccounts;
import org.springframework.security.core.Authentication;
import org.civnet.security.Redactor;
import org.civnet.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "referrals", description = "Who can introduce me to whom, safely")
class ReferralController {

    private final ReferralService referrals;
    private final Redactor redactor;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final PseudonymIds ids;

    private final Estimates estimates;

    ReferralController(ReferralService referrals, Redactor redactor, AuditLog audit, UserAccounts accounts, PseudonymIds ids,
                       Estimates estimates) {
        this.estimates = estimates;
        this.ids = ids;
        this.accounts = accounts;
        this.referrals = referrals;
        this.redactor = redactor;
        this.audit = audit;
    }

    private ReferralService.Options options(Role role, int k, int maxHops, Integer minTrust, LocalDate since, String exclude,
                                            boolean allowAtRisk, boolean disjoint, LocalDate on, Purpose purpose) {
        if (allowAtRisk && role != Role.OFFICER && role != Role.ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("allowAtRisk is for officers and administrators only");
        }
        Set<String> given = new LinkedHashSet<>();
        if (exclude != null && !exclude.isBlank()) {
            Arrays.stream(exclude.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(given::add);
        }
        if (given.size() > 1000) {
            throw new InvalidInputException("exclude", "at most 1000 ids");
        }
        // A protected person's real id becomes a stand-in no node has: excluding a guessed id changes nothing.
        Set<String> excluded = new LinkedHashSet<>(ids.resolveAll("exclude", given, role));
        Set<String> hidden = Role.cleared(role) ? Set.of() : redactor.protectedIds();
        Set<String> unnameable = ids.hiddenFrom(role);
        excluded.removeAll(unnameable);
        return new ReferralService.Options(k, maxHops, minTrust, since, excluded, allowAtRisk, disjoint, hidden, unnameable,
                on, purpose);
    }

    private static ReferralService.Target target(Region region, String country, String theme, OrganisationType orgType,
                                                 ContactKind kind) {
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country", "must be an ISO 3166-1 alpha-2 code");
        }
        if (theme != null && !theme.matches(Themes.PATTERN)) {
            throw new InvalidInputException("theme", Themes.MESSAGE);
        }
        return new ReferralService.Target(region, country, theme, orgType, kind);
    }

    @io.swagger.v3.oas.annotations.Parameter(name = "estimate", in = io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY,
            description = "estimate=true answers what the search would need (bytes, seconds) without running it", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "boolean"))
    @GetMapping("/api/referrals")
    @Operation(summary = "Referral paths from an actor to a person (to=ID) or to the best new contacts matching a target",
            description = "Intermediaries must hold a consent to introduce that is current on the day asked about (on, default"
                    + " today): given on or before it, valid through it, not withdrawn; each path lists their consents."
                    + " With a purpose (INTRODUCTION, MANDATE_SUBMISSION) only people whose consent covers it are reached."
                    + " At-risk people are never intermediaries "
                    + "unless an officer or administrator sets allowAtRisk=true (they are then listed in atRiskIntermediaries). "
                    + "Paths are loop-free and ranked by cost (Yen's k shortest paths within maxHops).")
    ReferralService.Result referrals(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) Region region,
                                     @RequestParam(required = false) String country,
                                     @RequestParam(required = false) String theme,
                                     @RequestParam(required = false) OrganisationType orgType,
                                     @RequestParam(required = false) ContactKind kind,
                                     @RequestParam(defaultValue = "3") int k,
                                     @RequestParam(defaultValue = "4") int maxHops,
                                     @RequestParam(required = false) Integer minTrust,
                                     @RequestParam(required = false) LocalDate since,
                                     @RequestParam(required = false) String exclude,
                                     @RequestParam(defaultValue = "false") boolean allowAtRisk,
                                     @RequestParam(defaultValue = "false") boolean disjoint,
                                     @RequestParam(defaultValue = "20") int limit,
                                     @RequestParam(required = false) LocalDate on,
                                     @RequestParam(required = false) Purpose purpose,
                                     Role role, Authentication authentication) {
        from = fromOrMe(from, role, authentication);
        to = ids.resolve("to", to, role);
        ReferralService.Options options = options(role, k, maxHops, minTrust, since, exclude, allowAtRisk, disjoint, on,
                purpose);
        ReferralService.Target target = target(region, country, theme, orgType, kind);
        if (to != null) {
            audit.record(AuditLog.Action.REFERRAL_QUERY, PseudonymIds.forAudit(to), "from " + PseudonymIds.forAudit(from)
                    + " to a person, k=" + k + ", maxHops=" + maxHops
                    + (allowAtRisk ? ", allowAtRisk" : "") + (purpose != null ? ", purpose " + purpose : ""));
            return referrals.toPerson(from, to, options);
        }
        ReferralService.Result result = referrals.toTarget(from, target, limit, options);
        audit.record(AuditLog.Action.REFERRAL_QUERY, result.target(), "from " + PseudonymIds.forAudit(from) + ", k=" + k + ", maxHops=" + maxHops
                + (allowAtRisk ? ", allowAtRisk" : "") + (purpose != null ? ", purpose " + purpose : ""));
        return result;
    }

    @GetMapping(path = "/api/referrals", params = "estimate=true")
    @Operation(hidden = true, summary = "What a referral search would need (k loop-free paths within maxHops), without running it")
    Estimate referralsEstimate(@RequestParam(defaultValue = "3") int k, @RequestParam(defaultValue = "4") int maxHops) {
        return estimates.estimate("referral k=" + k + " maxHops=" + maxHops,
                (n, m, threads) -> CostModel.kPaths(n, m, k, maxHops));
    }

    @GetMapping("/api/referrals/coverage")
    @Operation(summary = "How many contacts in a target are reachable within 1, 2, 3… hops, the best first asks, "
            + "and who is unreachable")
    ReferralService.Coverage coverage(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) Region region,
                                      @RequestParam(required = false) String country,
                                      @RequestParam(required = false) String theme,
                                      @RequestParam(required = false) OrganisationType orgType,
                                      @RequestParam(required = false) ContactKind kind,
                                      @RequestParam(defaultValue = "3") int maxHops,
                                      @RequestParam(required = false) Integer minTrust,
                                      @RequestParam(required = false) LocalDate since,
                                      @RequestParam(required = false) String exclude,
                                      @RequestParam(defaultValue = "false") boolean allowAtRisk,
                                      @RequestParam(required = false) LocalDate on,
                                      @RequestParam(required = false) Purpose purpose,
                                      Role role, Authentication authentication) {
        from = fromOrMe(from, role, authentication);
        ReferralService.Coverage coverage = referrals.coverage(from, target(region, country, theme, orgType, kind),
                options(role, 1, maxHops, minTrust, since, exclude, allowAtRisk, false, on, purpose));
        audit.record(AuditLog.Action.REFERRAL_QUERY, coverage.target(), "coverage from " + PseudonymIds.forAudit(from) + ", maxHops=" + maxHops);
        return coverage;
    }

    /**
     * A referral starts from {@code from} (as {@link PseudonymIds} resolves it), or else from the
     * contact the user's account is linked to ("me").
     */
    private String fromOrMe(String from, Role role, Authentication authentication) {
        if (from != null && !from.isBlank()) {
            return ids.resolve("from", from, role);
        }
        return accounts.contactOf(authentication.getName()).orElseThrow(() -> new InvalidInputException("from",
                "is required: the id to start from, or link your account to the contact that is you (PUT /api/me/contact)"));
    }
}
