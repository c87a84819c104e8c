package org.civnet.network;

/** Themes are free tags in upper snake case, such as WOMENS_RIGHTS or LGBTI. */
public final class Themes {
    public static final String PATTERN = "[A-Z0-9]+(_[A-Z0-9]+)*";
    public static final String MESSAGE = "must be UPPER_SNAKE_CASE, e.g. WOMENS_RIGHTS";

    private Themes() {
    }
}
