package org.civnet.api;

import java.nio.charset.Charset;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A response representation other than JSON (CSV, GraphML, GEXF): written only, and only when it was
 * asked for by name ({@code format=…} or {@code Accept}) on an endpoint that offers it, never as the
 * pick for {@code *}{@code /*} or where JSON is the only form.
 */
public abstract class DownloadConverter<T> extends AbstractHttpMessageConverter<T> {

    protected DownloadConverter(Charset charset, MediaType... types) {
        super(charset, types);
    }

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
    protected T readInternal(Class<? extends T> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException(getSupportedMediaTypes() + " is written, never read", input);
    }
}
