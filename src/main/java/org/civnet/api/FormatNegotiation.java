package org.civnet.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One content negotiation for every representation: {@code format=json|csv|graphml|gexf} wins
 * over {@code Accept}. An unknown format leaves the choice to {@code Accept}; the endpoints that
 * take {@code format} refuse a value they do not offer with a 400 naming it.
 */
@Configuration(proxyBeanMethods = false)
class FormatNegotiation implements WebMvcConfigurer {

    static final Map<String, MediaType> FORMATS = Map.of(
            "json", MediaType.APPLICATION_JSON,
            "csv", new MediaType("text", "csv"),
            "graphml", MediaType.valueOf("application/graphml+xml"),
            "gexf", MediaType.valueOf("application/gexf+xml"));

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new FormatParameter(), new HeaderContentNegotiationStrategy()));
    }

    /** {@code format=…} as a media type; an unknown value chooses nothing. */
    static final class FormatParameter implements ContentNegotiationStrategy {
        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            String format = request.getParameter("format");
            MediaType type = format == null ? null : FORMATS.get(format.toLowerCase(Locale.ROOT));
            return type == null ? MEDIA_TYPE_ALL_LIST : List.of(type);
        }
    }
}
