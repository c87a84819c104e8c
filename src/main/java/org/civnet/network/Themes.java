package org.civnet.network;

/** Themes are free tags in upper snake case, such as WOMENS_RIGHTS or LGBTI. */
public final class Themes {
    public static final String PATTERN = "[A-Z0-9]+(_[A-Z0-9]+)*";
    public static final String MESSAGE = "must be UPPER_SNAKE_CASE, e.g. WOMENS_RIGHTS";
    /** Most themes one record may carry; a longer list is refused rather than cut. */
    public static final int MAX_PER_RECORD = 50;
    public static final String TOO_MANY = "must hold at most " + MAX_PER_RECORD + " themes";

    private Themes() {
    }

    /** The themes without repeats, in the order given (a repeated theme says nothing more). */
    public static java.util.List<String> distinct(java.util.List<String> themes) {
        return themes == null ? java.util.List.of() : java.util.List.copyOf(new java.util.LinkedHashSet<>(themes));
    }
}
