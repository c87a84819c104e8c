package org.civnet.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.civnet.security.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}: a
 * title, the project's version, both ways a program authenticates (HTTP Basic and a bearer token,
 * applied to every operation, so Swagger UI's Authorize button works), and the problem details
 * (RFC 9457) every operation may answer with, documented once here rather than on each handler.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The problems any operation may answer with, and what each means in civnet. */
    static final Map<String, String> PROBLEMS = problems();

    static {
        // The caller's role is resolved from the credentials, never sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Role.class);
    }

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input: `errors` names each field and why (an unknown label or enumeration value, "
                + "a date outside 1900–2200, a malformed body)");
        problems.put("401", "No credentials, or wrong ones: send HTTP Basic or `Authorization: Bearer cvn_…`");
        problems.put("403", "Your role may not call this operation");
        problems.put("404", "An id names nothing you may see (a protected person's real id, for roles without clearance, "
                + "answers exactly as an unknown id)");
        problems.put("409", "Conflict: an id already in use, a record others still name, or a concurrent write");
        problems.put("503", "The store is unavailable, or civnet is stopping (an interrupted import says how far it got)");
        return java.util.Collections.unmodifiableMap(problems);
    }

    @Bean
    OpenAPI civnetOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null || properties.getVersion() == null ? "development" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("civnet API").version(version).description("""
                        civnet stores the civil-society network that human rights officers keep around the UN human \
                        rights mechanisms (contacts, organisations, Special Procedures mandates, networks, activities, \
                        introductions) as a graph, and answers its questions: who the brokers are, which groups at risk \
                        are isolated, who can introduce whom safely, which coalitions exist, where coverage is thin.

                        **Authenticate** with HTTP Basic (people) or an API token (programs): create one with \
                        `POST /api/tokens {"name":"dashboard","expiresInDays":90}` and send it as \
                        `Authorization: Bearer cvn_…` (the Authorize button). What you may call depends on your role \
                        (ADMIN, OFFICER, ANALYST, REPORTS); for ANALYST and REPORTS, confidential and at-risk people \
                        appear only as stable pseudonyms (`anon-…`) and free text is withheld.

                        **Analysis scope.** Every `/api/analysis/**` operation (and `/api/reports/centrality`) takes \
                        the same optional query parameters: `nodes`, `ties`, `minTrust`, `since`, `region`, `theme`.

                        **Errors** are problem details (RFC 9457, `application/problem+json`); a 400 lists \
                        `errors: [{field, reason}]`."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password (people; five failures in five minutes block the user)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("cvn_…")
                                .description("An API token from POST /api/tokens (programs); sent as Authorization: Bearer cvn_…"))
                        .addSchemas(PROBLEM, problemSchema()))
                // Either scheme (two requirement objects: one OR the other).
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** CSV, GraphML and GEXF answers are text files: a string schema instead of the JSON record's. */
    private static void documentFiles(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        // A new media type object each: springdoc shares one between the types a handler produces.
        for (String type : List.copyOf(response.getContent().keySet())) {
            if (type.equals("text/csv")) {
                response.getContent().put(type, new MediaType().schema(new StringSchema().description(
                        "CSV (RFC 4180) with a header row; cells starting with =, +, - or @ are prefixed with '")));
            } else if (type.endsWith("+xml")) {
                response.getContent().put(type, new MediaType().schema(new StringSchema().description(
                        "An XML graph file (" + type + ")")));
            }
        }
    }

    /** RFC 9457 problem details as civnet writes them (ProblemHandler, ProblemResponses). */
    static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, parameter or `(body)`"))
                .addProperty("reason", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
                .description("A problem detail (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri").description("the kind of problem (`about:blank` for plain HTTP statuses)"))
                .addProperty("title", new StringSchema().description("the HTTP status phrase"))
                .addProperty("status", new IntegerSchema().format("int32").description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, for a person"))
                .addProperty("instance", new StringSchema().format("uri").description("the request path"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("400: every invalid field, with the reason"));
    }

    /**
     * Every operation answers problems: 400, 401, 403, 404, 409 and 503 as {@code application/problem+json}
     * (an operation that documents one of these itself keeps its own). The error dispatch and the
     * catch-all OPTIONS handler are machinery, not operations, and are left out.
     */
    @Bean
    OpenApiCustomizer documentedProblems() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().remove("/error");
            openApi.getPaths().remove("/api/**");
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                Map<String, Schema> schemas = openApi.getComponents().getSchemas();
                schemas.put(PROBLEM, problemSchema());
                // PATCH bodies are JSON merge patches (RFC 7396), read as a tree: any subset of the record's fields.
                if (schemas.containsKey("JsonNode")) {
                    schemas.put("JsonNode", new ObjectSchema().additionalProperties(true).description(
                            "A JSON merge patch (RFC 7396): the fields to change, with their new values; null removes a field"));
                }
            }
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    // CSV and graph files are text, not the JSON record the handler returns.
                    responses.values().forEach(OpenApiDocumentation::documentFiles);
                    PROBLEMS.forEach((status, description) -> {
                        if (!responses.containsKey(status)) {
                            responses.addApiResponse(status, new ApiResponse().description(description)
                                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                        }
                    });
                    operation.setResponses(responses);
                }
            }
            // Logging in through the page needs no credentials; nor does asking whether one is logged in.
            PathItem session = openApi.getPaths().get("/api/session");
            if (session != null && session.getGet() != null) {
                session.getGet().setSecurity(List.of());
            }
        };
    }
}
