package org.civnet.security;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Applies the {@link Redactor} to every response body of every representation (JSON, CSV,
 * GraphML, GEXF: whatever converter writes it) for roles that do not see it in full, and audits
 * reads of protected people by those who do. Who sees a response in full: the roles with
 * clearance, or those a handler declares with {@link ShownInFullTo}. Problem details name only what
 * the caller sent (so a guessed id answers exactly as an unknown one): they pass unchanged, except
 * that an id {@link PseudonymIds} resolved or stood in for is shown as the caller gave it.
 */
@RestControllerAdvice
class RedactionAdvice implements ResponseBodyAdvice<Object> {

    private final Redactor redactor;
    private final AuditLog audit;
    private final org.springframework.beans.factory.ObjectProvider<Disclosure.Source> gate;

    RedactionAdvice(Redactor redactor, AuditLog audit, org.springframework.beans.factory.ObjectProvider<Disclosure.Source> gate) {
        this.redactor = redactor;
        this.audit = audit;
        this.gate = gate;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    static boolean shownInFull(Role role, MethodParameter returnType) {
        ShownInFullTo declared = returnType.getMethodAnnotation(ShownInFullTo.class);
        return declared == null ? Role.cleared(role) : role != null && Arrays.asList(declared.value()).contains(role);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
                && PseudonymIds.namedAnything(servlet.getServletRequest())) {
            return asSent(problem, servlet.getServletRequest());
        }
        if (body == null || body instanceof ProblemDetail || body instanceof String || body instanceof byte[]
                || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        Role role = Role.of(http.getUserPrincipal());
        if (role == null) {
            return body;
        }
        boolean redacted = !shownInFull(role, returnType);
        Redactor.markPseudonymised(http, redacted);
        if (redacted) {
            return gated(body, converterType, http, response);
        }
        String path = http.getRequestURI();
        if (!path.startsWith("/api/export") && !path.startsWith("/api/admin") && !path.startsWith("/api/audit")) {
            audit.recordConfidentialReads(redactor.protectedIdsIn(body), http.getMethod() + " " + path);
        }
        return body;
    }

    /**
     * The body redacted and passed through the re-identification gate: what the gate withholds is left
     * out, what it coarsens is shown coarsened, and the response says how many people it left out and
     * why (JSON objects in a {@code withheld} member; every representation in the headers
     * {@code Civnet-Withheld}, {@code Civnet-Coarsened} and {@code Civnet-Anonymity-K}), never whom.
     * A body that is itself a withheld person's record answers 404.
     */
    private Object gated(Object body, Class<? extends HttpMessageConverter<?>> converterType, HttpServletRequest http,
                         ServerHttpResponse response) {
        Disclosure.Source source = gate.getIfAvailable();
        Disclosure disclosure = source == null ? Disclosure.NONE : source.forRequest(http);
        Redactor.Tally tally = new Redactor.Tally();
        boolean json = MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
        Object out = json ? redactor.redact(body, disclosure, tally) : redactor.redact(body, body.getClass(), disclosure, tally);
        response.getHeaders().set("Civnet-Withheld", Integer.toString(tally.withheldCount()));
        response.getHeaders().set("Civnet-Coarsened", Integer.toString(tally.coarsenedCount()));
        response.getHeaders().set("Civnet-Anonymity-K", Integer.toString(disclosure.k()));
        java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("people", tally.withheldCount());
        summary.put("reasons", tally.withheldByReason());
        summary.put("coarsened", tally.coarsenedCount());
        summary.put("k", disclosure.k());
        summary.put("model", disclosure.model());
        if (out == null) {
            response.setStatusCode(org.springframework.http.HttpStatus.NOT_FOUND);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.NOT_FOUND,
                    "This person is withheld from your role's answers to keep them unrecognisable");
            problem.setProperty("withheld", summary);
            return json ? problem : null;
        }
        if (out instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                && (tally.withheldCount() > 0 || tally.coarsenedCount() > 0)) {
            object.set("withheld", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(summary));
        }
        return out;
    }

    /** The problem naming ids as the caller sent them (a pseudonym, never the id it resolved to). */
    private static ProblemDetail asSent(ProblemDetail problem, HttpServletRequest request) {
        problem.setTitle(PseudonymIds.shownToCaller(problem.getTitle(), request));
        problem.setDetail(PseudonymIds.shownToCaller(problem.getDetail(), request));
        if (problem.getProperties() != null) {
            new java.util.ArrayList<>(problem.getProperties().entrySet())
                    .forEach(e -> problem.setProperty(e.getKey(), asSent(e.getValue(), request)));
        }
        return problem;
    }

    private static Object asSent(Object value, HttpServletRequest request) {
        if (value instanceof String text) {
            return PseudonymIds.shownToCaller(text, request);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(asSent(k, request), asSent(v, request)));
            return out;
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(v -> asSent(v, request)).toList();
        }
        return value;
    }
}
