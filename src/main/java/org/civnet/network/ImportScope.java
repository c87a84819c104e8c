package org.civnet.network;

import java.util.EnumSet;
import java.util.Set;

import org.civnet.domain.TieType;
import org.springframework.security.access.AccessDeniedException;

/**
 * What one import may hold. An administrator imports anything; an officer imports only who took part
 * in activities: participation ties ({@code SOURCE_OF}, {@code MET_DURING}, {@code ATTENDED}, with
 * their follow-up status) between nodes the store already holds. An officer records these one by one
 * through the API already; the import saves typing a list of participants, while new people,
 * organisations and other ties stay with the administrator, who checks a whole file before it
 * changes the network.
 *
 * <p>Anything else is refused as a whole, 403, before a single row is written (an import writes only
 * after reading all of its input), naming what the input holds: the file is not the officer's to
 * import, so a per-row refusal (with the rest written) would import half of a file that needs an
 * administrator. Rows a participant import may hold but that fail their checks (an unknown node, a
 * follow-up status that does not fit the tie) are refused row by row and reported, as for everyone.
 */
public enum ImportScope {
    EVERYTHING,
    PARTICIPANTS;

    static final Set<TieType> PARTICIPATION = EnumSet.of(TieType.SOURCE_OF, TieType.MET_DURING, TieType.ATTENDED);
    private static final String RULE = "an officer may import only activity participants (ties SOURCE_OF, MET_DURING, "
            + "ATTENDED) between existing nodes";

    /** A section ({@code contacts}, …) of a JSON document or CSV file may be imported; else 403 naming it. */
    void requireSection(String section, String where) {
        if (this == PARTICIPANTS && !ImportRow.TIES.equals(section)) {
            throw new AccessDeniedException(RULE + "; " + where + " has " + section);
        }
    }

    /** A tie of this type may be imported; else 403 naming the row. */
    void requireTie(TieType type, String file, long number) {
        if (this == PARTICIPANTS && type != null && !PARTICIPATION.contains(type)) {
            throw new AccessDeniedException(RULE + "; " + file + " row " + number + " is a " + type + " tie");
        }
    }
}
