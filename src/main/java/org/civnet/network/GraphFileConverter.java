package org.civnet.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.civnet.api.DownloadConverter;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link NetworkDocument} as GraphML or GEXF ({@code format=graphml|gexf}). The document it
 * gets has passed the same redaction as the JSON export.
 */
@Component
class GraphFileConverter extends DownloadConverter<NetworkDocument> {

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

    @Override
    protected void writeInternal(NetworkDocument document, HttpOutputMessage output) throws IOException {
        MediaType type = output.getHeaders().getContentType();
        boolean gexf = type != null && type.isCompatibleWith(GEXF);
        output.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=civnet." + (gexf ? "gexf" : "graphml"));
        output.getBody().write(exporter.graphFile(document, gexf ? NetworkExporter.GraphFormat.GEXF
                : NetworkExporter.GraphFormat.GRAPHML).getBytes(StandardCharsets.UTF_8));
    }
}
