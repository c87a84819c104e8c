package org.civnet.analysis.brokerage;

/**
 * Gould and Fernandez's five brokerage roles of the middle vertex b of an open two-path a &rarr; b &rarr; c
 * (a and c not adjacent), classified by the groups of a, b and c. The labels are R's
 * {@code sna::brokerage} column names.
 */
public enum BrokerageRole {
    /** {@code w_I}: a, b and c all in the same group. */
    COORDINATOR("w_I"),
    /** {@code w_O}, the itinerant broker: a and c in the same group, b in another. */
    CONSULTANT("w_O"),
    /** {@code b_IO}: a in b's group, c in another: b represents its group outwards. */
    REPRESENTATIVE("b_IO"),
    /** {@code b_OI}: c in b's group, a in another: b controls access into its group. */
    GATEKEEPER("b_OI"),
    /** {@code b_O}: a, b and c in three different groups. */
    LIAISON("b_O");

    private final String snaLabel;

    BrokerageRole(String snaLabel) {
        this.snaLabel = snaLabel;
    }

    /** The column name R's {@code sna::brokerage} uses for this role. */
    public String snaLabel() {
        return snaLabel;
    }

    /** The role of b on a two-path from a group {@code from} through {@code broker} into {@code to}. */
    public static BrokerageRole of(int from, int broker, int to) {
        if (from == broker) {
            return to == broker ? COORDINATOR : REPRESENTATIVE;
        }
        if (to == broker) {
            return GATEKEEPER;
        }
        return from == to ? CONSULTANT : LIAISON;
    }
}
