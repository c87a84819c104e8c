package org.civnet.security;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Applies the {@link Redactor} to every JSON response of the API for roles without clearance, and
 * audits reads of protected people by roles with clearance. Non-JSON bodies (CSV, GraphML) are
 * redacted by their writers before they are rendered.
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
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        String path = request.getURI().getPath();
        if (body == null || body instanceof ProblemDetail || !path.startsWith("/api/") || path.startsWith("/api/audit")
                || path.startsWith("/api/users") || path.startsWith("/api/tokens") || path.startsWith("/api/me")) {
            return body;
        }
        Role role = Redactor.currentRole();
        if (role == null) {
            return body;
        }
        if (!role.hasClearance()) {
            return redactor.redact(body);
        }
        if (!path.startsWith("/api/export") && !path.startsWith("/api/admin")) {
            audit.recordConfidentialReads(redactor.protectedIdsIn(body), request.getMethod() + " " + path);
        }
        return body;
    }
}
