package org.civnet.security;

import java.util.Map;

/**
 * What the re-identification gate lets one response reveal of the pseudonymised people in it:
 * those {@code withheld} (id → reason: left out with their ties) and those {@code coarsened}
 * (id → their degree as a range: shown, but without their region, scores and ties). Computed per graph version and
 * analysis scope by the gate (package {@code privacy}) and applied by {@link Redactor} with the rest
 * of the redaction, so one decision covers every representation.
 *
 * @param k     the least class size the gate keeps
 * @param model the quasi-identifiers the classes are counted under (for the response)
 */
public record Disclosure(int k, String model, Map<String, String> withheld, Map<String, String> coarsened) {

    /** Nothing withheld or coarsened (clearance, or the gate switched off with k = 1). */
    public static final Disclosure NONE = new Disclosure(1, "", Map.of(), Map.of());

    public Disclosure {
        withheld = Map.copyOf(withheld);
        coarsened = Map.copyOf(coarsened);
    }

    public boolean withholds(String id) {
        return id != null && withheld.containsKey(id);
    }

    public boolean coarsens(String id) {
        return id != null && coarsened.containsKey(id);
    }

    /** Where a response's disclosure comes from: the gate, for the request's scope. */
    public interface Source {
        Disclosure forRequest(jakarta.servlet.http.HttpServletRequest request);
    }
}
