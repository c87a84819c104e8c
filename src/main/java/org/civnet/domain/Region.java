package org.civnet.domain;

/** The five regions the seeds use; derived from a country by {@link Regions}. */
public enum Region {
    ENACA, ASIA_PACIFIC, LATIN_AMERICA_CARIBBEAN, AFRICA, ARAB_REGION
}
