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
 * the caller sent and pass unchanged (so a guessed id answers exactly as an unknown one).
 */
@RestControllerAdvice
class RedactionAdvice implements ResponseBodyAdvice<Object> {

    private final Redactor redactor;
    private final AuditLog audit;

    RedactionAdvice(Redactor redactor, AuditLog audit) {
        this.redactor = redactor;
        this.audit = audit;
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
        if (body == null || body instanceof ProblemDetail || body instanceof String || body instanceof byte[]
                || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        Role role = Role.of(http.getUserPrincipal());
        if (role == null) {
            return body;
        }
        if (!shownInFull(role, returnType)) {
            return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType)
                    ? redactor.redact(body) : redactor.redact(body, body.getClass());
        }
        String path = http.getRequestURI();
        if (!path.startsWith("/api/export") && !path.startsWith("/api/admin") && !path.startsWith("/api/audit")) {
            audit.recordConfidentialReads(redactor.protectedIdsIn(body), http.getMethod() + " " + path);
        }
        return body;
    }
}
