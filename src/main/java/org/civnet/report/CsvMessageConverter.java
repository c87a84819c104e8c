package org.civnet.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/** The one writer of {@code text/csv}: any response type with a {@link CsvFormat}. */
@Component
public class CsvMessageConverter extends AbstractHttpMessageConverter<Object> {

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

    /**
     * Only when this representation was asked for by name ({@code format=…} or {@code Accept}) on an
     * endpoint that offers it: never as the pick for {@code *}{@code /*} or where JSON is the only form.
     */
    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return mediaType != null && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
                && super.canWrite(clazz, mediaType);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) {
        throw new HttpMessageNotReadableException("CSV is not read here", inputMessage);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void writeInternal(Object value, HttpOutputMessage output) throws IOException {
        CsvFormat format = formatOf(value.getClass());
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + format.fileName(value));
        output.getBody().write(format.write(value).getBytes(StandardCharsets.UTF_8));
    }
}
