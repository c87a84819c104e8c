package org.civnet.coverage;

import org.civnet.domain.InvalidInputException;

/** The {@code format} values the reports of this package offer (the negotiation itself is {@code api/FormatNegotiation}). */
final class CsvResponses {

    private CsvResponses() {
    }

    /** {@code format}, when given, must be json or csv (a 400 naming it otherwise). */
    static void requireKnown(String format) {
        if (format != null && !"csv".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "must be json or csv");
        }
    }
}
