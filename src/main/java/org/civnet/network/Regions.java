package org.civnet.network;

/** Placeholder: the full ISO 3166-1 table is being written. */
public final class Regions {
    private Regions() {
    }

    public static Region regionOf(String iso2) {
        return null;
    }

    public static boolean isKnownCountry(String iso2) {
        return iso2 != null && iso2.length() == 2;
    }
}
