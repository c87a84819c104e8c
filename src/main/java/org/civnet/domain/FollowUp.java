package org.civnet.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Follow-up status of one participant of an activity, kept on the participation tie: whether a
 * person met during a country visit has been sent the visit report, and whether a source of a
 * communication has been informed of the reply. A participation without a status counts as not
 * yet followed up.
 */
public enum FollowUp {
    /** MET_DURING: the visit report was sent to the participant. */
    REPORT_SENT(TieType.MET_DURING),
    /** MET_DURING: the visit report has not been sent yet. */
    NOT_SENT(TieType.MET_DURING),
    /** SOURCE_OF: the source was informed of the reply to the communication. */
    INFORMED(TieType.SOURCE_OF),
    /** SOURCE_OF: the source has not been informed yet. */
    NOT_INFORMED(TieType.SOURCE_OF);

    private final TieType tieType;

    FollowUp(TieType tieType) {
        this.tieType = tieType;
    }

    public boolean appliesTo(TieType type) {
        return tieType == type;
    }

    /** The statuses a tie type may carry (empty when it carries none). */
    public static List<FollowUp> allowedFor(TieType type) {
        return Arrays.stream(values()).filter(f -> f.appliesTo(type)).toList();
    }
}
