package org.civnet.referral;

import static org.civnet.domain.Sensitivity.Kind.IDENTIFYING;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.civnet.domain.ConsentPurpose;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Sensitivity;
import org.civnet.snapshot.ConsentDays;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * What a referral answer says about consent: each contact intermediary's consent to introduce (the
 * dates that make it current on the day asked about), and whether a person reached may be, for the
 * purpose stated ({@link org.civnet.domain.Purpose#targetsNeed()}).
 */
final class ReferralConsent {

    /**
     * One intermediary's consent to introduce: given on {@code given} (null: on a date nobody recorded),
     * valid through {@code until} (null: no end). Withheld from roles without clearance for a protected
     * person, as the rest of a protected person's consent is.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IntermediaryConsent")
    record IntermediaryConsent(@Sensitivity(SAFE) String id, @Sensitivity(IDENTIFYING) LocalDate given,
                               @Sensitivity(IDENTIFYING) LocalDate until) {
    }

    private ReferralConsent() {
    }

    /** The consent to introduce of each contact among {@code intermediaries}, in path order. */
    static List<IntermediaryConsent> of(NetworkSnapshot s, int[] intermediaries) {
        List<IntermediaryConsent> out = new ArrayList<>();
        for (int v : intermediaries) {
            if (s.label(v) != NodeLabel.Contact) {
                continue;
            }
            ConsentDays days = s.consentDays(v);
            int first = days.firstDay(ConsentPurpose.INTRODUCE);
            int last = days.lastDay(ConsentPurpose.INTRODUCE);
            out.add(new IntermediaryConsent(s.id(v), first == ConsentDays.UNKNOWN_START ? null : LocalDate.ofEpochDay(first),
                    last == ConsentDays.OPEN_END ? null : LocalDate.ofEpochDay(last)));
        }
        return out;
    }

    /**
     * Whether {@code v} may be reached for the purpose stated: anyone when none is, else a contact
     * whose consent for it is current on the day asked about (organisations and mandates give none
     * and need none).
     */
    static boolean targetConsents(NetworkSnapshot s, int v, ReferralService.Options options) {
        return options.purpose() == null || s.label(v) != NodeLabel.Contact
                || s.consents(v, options.purpose().targetsNeed(), options.day().toEpochDay());
    }

    /** Why a person named as the target is not reached: no current consent for the purpose. */
    static String notConsented(ReferralService.Options options) {
        return "no current consent to " + switch (options.purpose().targetsNeed()) {
            case INTRODUCE -> "introduce others";
            case BE_INTRODUCED -> "be introduced";
            case NAME_TO_MANDATE -> "be named to a mandate";
        } + " on " + options.day() + " (purpose " + options.purpose() + ")";
    }
}
