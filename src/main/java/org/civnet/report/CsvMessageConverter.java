package org.civnet.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.civnet.api.DownloadConverter;
import org.civnet.security.Redactor;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code text/csv}: any response type with a {@link CsvFormat}, each row ending with
 * the graph version, the scope and whether the rows are pseudonymised (the request's body was
 * redacted for a role without clearance, see {@code security/RedactionAdvice}).
 */
@Component
public class CsvMessageConverter extends DownloadConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final List<CsvFormat<?>> formats;

    CsvMessageConverter(List<CsvFormat<?>> formats) {
        super(StandardCharsets.UTF_8, TEXT_CSV);
        this.formats = List.copyOf(formats);
    }

    private CsvFormat<?> formatOf(Class<?> type) {
        for (CsvFormat<?> format : formats) {
            if (format.type().isAssignableFrom(type)) {
                return format;
            }
        }
        return null;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return formatOf(clazz) != null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void writeInternal(Object value, HttpOutputMessage output) throws IOException {
        CsvFormat format = formatOf(value.getClass());
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + format.fileName(value));
        Csv.Table table = format.table(value);
        String csv = table.write(Csv.PROVENANCE_COLUMNS,
                java.util.Arrays.asList(format.graphVersion(value), format.scope(value), pseudonymised()));
        output.getBody().write(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the body being written was redacted for this request (false outside a request). */
    private static boolean pseudonymised() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && Redactor.pseudonymised(servlet.getRequest());
    }
}
