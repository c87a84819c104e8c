package org.civnet.ops;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.civnet.security.RequestUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * One log line per request: {@code request method=GET path=/api/contacts/{id} query=q,size status=200 ms=12 user=alice}
 * (also as SLF4J key-value pairs, which Boot's structured formats, e.g.
 * {@code logging.structured.format.console=ecs}, turn into JSON fields).
 *
 * <p>Nothing a request carries as data reaches the log: the path is the matched route pattern (ids
 * appear as {@code {id}}); a path no route matched keeps only the words that occur in some route and
 * shows every other segment as {@code *}; the query shows parameter names only, and only the names
 * civnet's endpoints declare. So neither names of confidential people (e.g. {@code ?q=…} searches or
 * an id in a path) nor tokens or passwords (headers are never read) can appear. The user is the
 * authenticated username, never a name someone tried to log in with. Health probes are logged at
 * DEBUG so load-balancer checks (and the 503s of readiness during start-up) do not drown the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    /** Words that may appear in a logged path or query: literal route segments and declared parameter names. */
    private record Vocabulary(Set<String> pathWords, Set<String> parameterNames) {
    }

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
    private volatile Vocabulary vocabulary;

    RequestLogFilter(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            // An exception escaping every handler becomes a 500 in the container, after this filter.
            int status = failed ? 500 : response.getStatus();
            String path = route(request);
            String query = query(request);
            Object user = request.getAttribute(RequestUser.ATTRIBUTE);
            String who = user == null ? "anonymous" : user.toString();
            Level level = path.startsWith("/actuator/health") ? Level.DEBUG : Level.INFO;
            log.atLevel(level)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("query", query)
                    .addKeyValue("status", status)
                    .addKeyValue("ms", millis)
                    .addKeyValue("user", who)
                    .log("request method={} path={} query={} status={} ms={} user={}", request.getMethod(), path,
                            query.isEmpty() ? "-" : query, status, millis, who);
        }
    }

    /** The route pattern the request matched, or its path with every unknown segment masked. */
    String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String p && !p.contains("*")) {
            return p;
        }
        Set<String> words = vocabulary().pathWords();
        String[] segments = request.getRequestURI().split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            out.append('/').append(segment.isEmpty() || words.contains(segment) ? segment : "*");
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /**
     * The names of the query parameters, never their values; an undeclared name shows as {@code *}.
     * Read from the query string itself, so a form or multipart body is never parsed for the log.
     */
    String query(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        Set<String> known = vocabulary().parameterNames();
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String raw = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = "*";
            }
            if (!name.isEmpty()) {
                names.add(known.contains(name) ? name : "*");
            }
        }
        return String.join(",", names);
    }

    private Vocabulary vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            // The probe groups sit behind actuator's "/actuator/health/**" pattern, so name them here.
            Set<String> words = new HashSet<>(Set.of("liveness", "readiness"));
            Set<String> parameters = new HashSet<>();
            DefaultParameterNameDiscoverer discoverer = new DefaultParameterNameDiscoverer();
            mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) -> {
                addWords(info, words);
                addParameters(method, discoverer, parameters);
            }));
            v = new Vocabulary(Set.copyOf(words), Set.copyOf(parameters));
            vocabulary = v;
        }
        return v;
    }

    private static void addWords(RequestMappingInfo info, Set<String> words) {
        for (String pattern : info.getPatternValues()) {
            for (String segment : pattern.split("/")) {
                if (!segment.isEmpty() && !segment.contains("{") && !segment.contains("*")) {
                    words.add(segment);
                }
            }
        }
    }

    private static void addParameters(HandlerMethod method, DefaultParameterNameDiscoverer discoverer, Set<String> names) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                parameter.initParameterNameDiscovery(discoverer);
                String name = !annotation.name().isEmpty() ? annotation.name()
                        : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
                if (name != null) {
                    names.add(name);
                }
            }
        }
    }

    /** Remembers the authenticated username on the request for the log line. */
}
