package org.civnet.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page as a problem detail. Tomcat answers some requests before civnet sees
 * them (a request line or header it cannot parse or that is too large, an encoded slash in the
 * path); its default valve writes an HTML page. Errors civnet handles never reach this: they are
 * written already. Installed on the host by {@link ContainerProblems}; public with a no-argument
 * constructor because Tomcat creates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "something went wrong on our side; the request was not completed"
                : "the request could not be read (malformed or too large request line, path or headers)";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // A 400 names the part at fault, as every 400 of the API does: here the request itself.
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\""
                        + (status == 400 ? ",\"errors\":[{\"field\":\"(request)\",\"reason\":\"" + detail + "\"}]" : "")
                        + "}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more can be sent.
        }
    }
}
