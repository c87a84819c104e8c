package org.civnet.coverage;

import java.nio.charset.StandardCharsets;

import org.civnet.domain.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** JSON or CSV: {@code format=csv|json} wins over {@code Accept: text/csv}. */
final class CsvResponses {

    static final String TEXT_CSV = "text/csv";

    private CsvResponses() {
    }

    static boolean wanted(String format, String accept) {
        if (format != null) {
            if ("csv".equalsIgnoreCase(format)) {
                return true;
            }
            if ("json".equalsIgnoreCase(format)) {
                return false;
            }
            throw new InvalidInputException("format", "must be json or csv");
        }
        return accept != null && accept.contains(TEXT_CSV);
    }

    static ResponseEntity<Object> csv(String body, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName)
                .body(body);
    }

    static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
