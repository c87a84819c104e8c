package org.civnet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * OPTIONS on the API is a 405 problem with an {@code Allow} header listing what the path does
 * support, like any other unsupported method (TRACE…), instead of Spring's empty 200. The API
 * serves no cross-origin callers, so no CORS preflight needs an answer.
 */
@RestController
class UnsupportedOptions {

    private final HandlerMapping mappings;

    UnsupportedOptions(@Qualifier("requestMappingHandlerMapping") HandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(path = "/api/**", method = RequestMethod.OPTIONS)
    void options(HttpServletRequest request) throws Exception {
        // Ask the mappings what they would do with a method no endpoint maps: they answer with the
        // methods the path supports, or with nothing when no endpoint has the path.
        HttpServletRequest probe = new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "TRACE";
            }
        };
        try {
            mappings.getHandler(probe);
        } catch (HttpRequestMethodNotSupportedException e) {
            throw new HttpRequestMethodNotSupportedException("OPTIONS", e.getSupportedMethods() == null ? java.util.List.of() : java.util.List.of(e.getSupportedMethods()));
        }
        throw new NoResourceFoundException(org.springframework.http.HttpMethod.OPTIONS, "api");
    }
}
