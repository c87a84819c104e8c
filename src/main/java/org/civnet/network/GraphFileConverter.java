package org.civnet.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link NetworkDocument} as GraphML or GEXF ({@code format=graphml|gexf}). The document it
 * gets has passed the same redaction as the JSON export.
 */
@Component
class GraphFileConverter extends AbstractHttpMessageConverter<NetworkDocument> {

    static final MediaType GRAPHML = MediaType.valueOf("application/graphml+xml");
    static final MediaType GEXF = MediaType.valueOf("application/gexf+xml");

    private final NetworkExporter exporter;

    GraphFileConverter(NetworkExporter exporter) {
        super(StandardCharsets.UTF_8, GRAPHML, GEXF);
        this.exporter = exporter;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return NetworkDocument.class.isAssignableFrom(clazz);
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
    protected NetworkDocument readInternal(Class<? extends NetworkDocument> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("graph files are not read here", input);
    }

    @Override
    protected void writeInternal(NetworkDocument document, HttpOutputMessage output) throws IOException {
        MediaType type = output.getHeaders().getContentType();
        boolean gexf = type != null && type.isCompatibleWith(GEXF);
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=civnet." + (gexf ? "gexf" : "graphml"));
        output.getBody().write(exporter.graphFile(document, gexf ? NetworkExporter.GraphFormat.GEXF
                : NetworkExporter.GraphFormat.GRAPHML).getBytes(StandardCharsets.UTF_8));
    }
}
