package org.civnet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that decides what an id given to the API names, for every endpoint and parameter
 * that takes ids ({@code /api/contacts/{id}} and the other kinds, {@code /api/ties?node=},
 * {@code /api/history/{id}}, referral {@code from}, {@code to} and {@code exclude}, resilience
 * {@code remove}, betweenness {@code id:} selectors). For a role without clearance:
 * <ul>
 * <li>a protected person's <b>pseudonym</b> names that person: the page can follow what it was shown.
 * The answer is redacted as always (the person stays a pseudonym), and the resolution is audited
 * ({@code PSEUDONYM_RESOLVED}, the pseudonym as target, the endpoint, field and real id as detail: the
 * audit is ADMIN's only, and an administrator reviewing it must see whom was looked up without
 * recomputing HMACs);</li>
 * <li>a protected person's <b>real id</b> names nobody: it is replaced by a stand-in no stored id can
 * equal (ids never hold a space), so it answers exactly as an unknown id, in every position, even
 * beside the same person's pseudonym (so no pair of positions can test whether they match).</li>
 * </ul>
 * For a role with clearance nothing changes: a pseudonym is an id like any other, unknown.
 *
 * <p>What a request named is kept in the request, so that a problem detail shows only what the caller
 * sent ({@link RedactionAdvice}: a resolved id appears as its pseudonym, a stand-in as the id given),
 * and so that the services' own check ({@link #hiddenFrom}) lets a resolved person through while still
 * refusing a real id that reached them unresolved.
 */
@Component
public class PseudonymIds {

    private static final String ATTRIBUTE = PseudonymIds.class.getName();
    /** Ids never hold a space (Ids.PATTERN), so no stand-in is ever a stored id. */
    private static final String STAND_IN = "(unknown) ";

    private final Redactor redactor;
    private final AuditLog audit;

    PseudonymIds(Redactor redactor, AuditLog audit) {
        this.redactor = redactor;
        this.audit = audit;
    }

    /** What one request named: resolved ids (real id → pseudonym) and stand-ins (stand-in → id given). */
    static final class Named {
        final Map<String, String> resolved = new LinkedHashMap<>();
        final Map<String, String> standIns = new LinkedHashMap<>();
    }

    /** The id {@code given} names for {@code role} (see the class comment); audited when a pseudonym resolves. */
    public String resolve(String field, String given, Role role) {
        return given == null ? null : resolveAll(field, List.of(given), role).get(0);
    }

    /** {@link #resolve} for each id of a list, in order; one audit entry for all the pseudonyms resolved. */
    public List<String> resolveAll(String field, Collection<String> given, Role role) {
        List<String> out = new ArrayList<>(given.size());
        if (Role.cleared(role)) {
            out.addAll(given);
            return out;
        }
        Map<String, String> resolvedHere = new LinkedHashMap<>();
        for (String id : given) {
            out.add(meant(id, resolvedHere));
        }
        audited(field, resolvedHere);
        return out;
    }

    /**
     * Only the pseudonyms among {@code given} that name a protected person (pseudonym → real id), for
     * selectors, which match by what they name rather than look one id up; audited like {@link #resolve}.
     */
    public Map<String, String> pseudonymsIn(String field, Collection<String> given, Role role) {
        if (Role.cleared(role)) {
            return Map.of();
        }
        Map<String, String> resolvedHere = new LinkedHashMap<>();
        for (String id : given) {
            String real = redactor.protectedIdOf(id);
            if (real != null) {
                resolvedHere.put(id, real);
                remember(real, id);
            }
        }
        audited(field, resolvedHere);
        return Map.copyOf(resolvedHere);
    }

    private String meant(String given, Map<String, String> resolvedHere) {
        if (given == null) {
            return null;
        }
        String real = redactor.protectedIdOf(given);
        if (real != null) {
            resolvedHere.put(given, real);
            remember(real, given);
            return real;
        }
        if (redactor.isProtected(given)) {
            String standIn = STAND_IN + given;
            Named named = named();
            if (named != null) {
                named.standIns.put(standIn, given);
            }
            return standIn;
        }
        return given;
    }

    private void remember(String real, String pseudonym) {
        Named named = named();
        if (named != null) {
            named.resolved.put(real, pseudonym);
        }
    }

    private void audited(String field, Map<String, String> resolvedHere) {
        if (resolvedHere.isEmpty()) {
            return;
        }
        HttpServletRequest request = request();
        String where = request == null ? "" : request.getMethod() + " " + request.getRequestURI() + " ";
        List<String> pseudonyms = resolvedHere.keySet().stream().limit(50).toList();
        StringBuilder detail = new StringBuilder(where).append(field).append(": ");
        resolvedHere.entrySet().stream().limit(50)
                .forEach(e -> detail.append(e.getKey()).append(" = ").append(e.getValue()).append("; "));
        if (resolvedHere.size() > 50) {
            detail.append("(+").append(resolvedHere.size() - 50).append(" more)");
        }
        audit.record(AuditLog.Action.PSEUDONYM_RESOLVED, String.join(",", pseudonyms), detail.toString().strip());
    }

    /** {@code meant} as the audit should name it: a stand-in as the id given, any other id as itself. */
    public static String forAudit(String meant) {
        return meant != null && meant.startsWith(STAND_IN) ? meant.substring(STAND_IN.length()) : meant;
    }

    /**
     * Whether {@code role} may not name {@code id}: a protected person's real id, for a role without
     * clearance, unless this request named them by pseudonym. The services' own guard, so that an id
     * that reached them without going through {@link #resolve} still names nobody.
     */
    public boolean hiddenFrom(Role role, String id) {
        if (Role.cleared(role) || !redactor.isProtected(id)) {
            return false;
        }
        Named named = named();
        return named == null || !named.resolved.containsKey(id);
    }

    /** The ids {@code role} may not name in this request (see {@link #hiddenFrom}): empty with clearance. */
    public Set<String> hiddenFrom(Role role) {
        if (Role.cleared(role)) {
            return Set.of();
        }
        Named named = named();
        if (named == null || named.resolved.isEmpty()) {
            return redactor.protectedIds();
        }
        Set<String> hidden = new java.util.HashSet<>(redactor.protectedIds());
        hidden.removeAll(named.resolved.keySet());
        return hidden;
    }

    /**
     * {@code text} as the caller may read it: each stand-in becomes the id given, and each resolved id
     * its pseudonym, unless the caller also sent that real id (then the text names what was sent).
     */
    static String shownToCaller(String text, HttpServletRequest request) {
        Object attribute = request.getAttribute(ATTRIBUTE);
        if (text == null || !(attribute instanceof Named named)) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> standIn : named.standIns.entrySet()) {
            out = out.replace(standIn.getKey(), standIn.getValue());
        }
        for (Map.Entry<String, String> resolved : named.resolved.entrySet()) {
            if (!named.standIns.containsValue(resolved.getKey())) {
                // Whole ids only: c-1 inside c-10 is another id.
                Pattern whole = Pattern.compile("(?<![A-Za-z0-9._:-])" + Pattern.quote(resolved.getKey()) + "(?![A-Za-z0-9._:-])");
                out = whole.matcher(out).replaceAll(Matcher.quoteReplacement(resolved.getValue()));
            }
        }
        return out;
    }

    static boolean namedAnything(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Named named
                && !(named.resolved.isEmpty() && named.standIns.isEmpty());
    }

    private static Named named() {
        HttpServletRequest request = request();
        if (request == null) {
            return null;
        }
        Object named = request.getAttribute(ATTRIBUTE);
        if (named instanceof Named n) {
            return n;
        }
        Named fresh = new Named();
        request.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    private static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
