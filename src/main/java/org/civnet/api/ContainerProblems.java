package org.civnet.api;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a request reaches a controller are problem details too: requests Spring
 * Security's firewall refuses (an encoded slash, {@code ;} parameters, {@code //}, TRACE…), and
 * whatever the servlet container sends to {@code /error} (a failure in a filter), and the errors
 * Tomcat answers itself before any filter runs ({@link ProblemErrorReportValve}). None echoes the
 * request back.
 */
@RestController
class ContainerProblems implements ErrorController {

    /** The methods the firewall lets through; any other method is a 405, not a 400. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    @Bean
    static RequestRejectedHandler problemForRejectedRequest() {
        return (request, response, rejected) -> {
            boolean badMethod = !METHODS.contains(request.getMethod());
            if (badMethod) {
                response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE");
            }
            if (badMethod) {
                write(response, HttpStatus.METHOD_NOT_ALLOWED, request.getMethod().length() <= 20
                        && request.getMethod().matches("[A-Z]+") ? request.getMethod() + " is not supported"
                        : "the method is not supported", null);
            } else {
                write(response, HttpStatus.BAD_REQUEST, "the request URL is not accepted (encoded '/', '\\\\', '%' or "
                        + "'.', ';' parameters, '//' and similar are refused)", "(path)");
            }
        };
    }

    /** Tomcat's own early 400s (before any filter) use {@link ProblemErrorReportValve} instead of its HTML page. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly, not an error dispatch: there is nothing here.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found", "no such resource"));
        }
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "something went wrong on our side; the request was not completed"
                : "the request could not be processed (" + status.getReasonPhrase().toLowerCase() + ")";
        ProblemDetail problem = ProblemHandler.problem(status, status.getReasonPhrase(), detail);
        if (status == HttpStatus.BAD_REQUEST) {
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "(request)", "reason", detail)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem detail; a 400 names the part of the request at fault ({@code field}) like every other 400. */
    private static void write(HttpServletResponse response, HttpStatus status, String detail, String field) throws IOException {
        String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + escaped + "\""
                + (field == null ? "" : ",\"errors\":[{\"field\":\"" + field + "\",\"reason\":\"" + escaped + "\"}]") + "}");
    }
}
