package org.civnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description ({@code /v3/api-docs}) lets a consumer try the API: a real title and the
 * project's version, HTTP Basic and bearer tokens declared and applied to every operation, the
 * analysis scope as separate optional query parameters, a schema for every answer, and the
 * problems every operation may answer with.
 */
class ApiDocumentationIT extends IntegrationTest {

    private static final List<String> SCOPE = List.of("nodes", "ties", "minTrust", "since", "region", "theme");
    private static final List<String> PROBLEMS = List.of("400", "401", "403", "404", "409", "503");

    @Autowired
    private BuildProperties build;

    private JsonNode docs;

    @BeforeEach
    void readDocs() {
        // Public, like Swagger UI: no credentials.
        docs = anonymous.getForObject("/v3/api-docs", JsonNode.class);
    }

    @Test
    void titleVersionAndDescriptionAreCivnets() {
        assertThat(docs.at("/info/title").asText()).isEqualTo("civnet API");
        assertThat(docs.at("/info/version").asText()).isEqualTo(build.getVersion()).isNotEqualTo("v0");
        assertThat(docs.at("/info/description").asText()).contains("POST /api/tokens").contains("Bearer");
    }

    @Test
    void basicAndBearerAreDeclaredAndAppliedToEveryOperation() {
        JsonNode schemes = docs.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearerAuth/scheme").asText()).isEqualTo("bearer");
        List<String> global = new ArrayList<>();
        docs.get("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
        // No operation opts out, except asking whether one is logged in (the page's session).
        operations().forEach((name, operation) -> {
            if (operation.has("security") && !name.equals("get /api/session")) {
                assertThat(operation.get("security")).as(name).isNotEmpty();
            }
        });
    }

    @Test
    void theScopeIsFlatOptionalQueryParameters() {
        for (String path : List.of("/api/analysis/centrality", "/api/analysis/coalitions", "/api/analysis/brokers",
                "/api/analysis/isolation", "/api/analysis/graph", "/api/reports/centrality")) {
            JsonNode parameters = docs.path("paths").path(path).path("get").path("parameters");
            List<String> names = new ArrayList<>();
            parameters.forEach(p -> names.add(p.get("name").asText()));
            assertThat(names).as(path).containsAll(SCOPE).doesNotContain("query", "role");
            parameters.forEach(p -> {
                assertThat(p.get("in").asText()).as(path + " " + p.get("name")).isEqualTo("query");
                assertThat(p.path("required").asBoolean(false)).as(path + " " + p.get("name") + " required").isFalse();
                assertThat(p.path("schema").path("type").asText()).as(path + " " + p.get("name") + " type").isNotEmpty();
            });
        }
        JsonNode centrality = docs.at("/paths/~1api~1analysis~1centrality/get/parameters");
        assertThat(parameter(centrality, "region").at("/schema/enum")).extracting(JsonNode::asText).contains("ARAB_REGION");
        assertThat(parameter(centrality, "since").at("/schema/format").asText()).isEqualTo("date");
        assertThat(parameter(centrality, "minTrust").at("/schema/type").asText()).isEqualTo("integer");
        assertThat(parameter(centrality, "metric")).isNotNull();
        assertThat(parameter(centrality, "approx").at("/description").asText()).contains("auto");
        assertThat(parameter(centrality, "epsilon").at("/schema/type").asText()).isEqualTo("number");
        assertThat(parameter(centrality, "delta").at("/description").asText()).contains("0 < delta < 1");
        assertThat(parameter(centrality, "topK").at("/schema/type").asText()).isEqualTo("integer");
        // And a call with some of them (and none of the others) is answered.
        assertThat(as(Role.ANALYST).getForEntity("/api/analysis/centrality?metric=degree&region=AFRICA&minTrust=2",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyAnalysisAndReportAnswerHasASchema() {
        operations().forEach((name, operation) -> {
            if (!name.startsWith("get /api/analysis/") && !name.startsWith("get /api/reports/")) {
                return;
            }
            JsonNode content = operation.at("/responses/200/content");
            assertThat(content.isObject() && content.size() > 0).as(name + " documents its 200 content").isTrue();
            content.fields().forEachRemaining(media -> {
                JsonNode schema = resolve(media.getValue().get("schema"));
                if (media.getKey().equals("text/csv")) {
                    assertThat(schema.path("type").asText()).as(name + " CSV").isEqualTo("string");
                } else {
                    assertThat(schema.path("properties").size()).as(name + " " + media.getKey() + " schema properties").isPositive();
                }
            });
        });
        // Each report has its own schema (they are all records named Report in the code).
        String centrality = docs.at("/paths/~1api~1analysis~1centrality/get/responses/200/content/application~1json/schema/$ref").asText();
        String coalitions = docs.at("/paths/~1api~1analysis~1coalitions/get/responses/200/content/application~1json/schema/$ref").asText();
        assertThat(centrality).isNotEqualTo(coalitions);
        assertThat(resolve(docs.at("/paths/~1api~1analysis~1coalitions/get/responses/200/content/application~1json/schema"))
                .path("properties").has("coalitions")).isTrue();
        assertThat(resolve(docs.at("/paths/~1api~1analysis~1centrality/get/responses/200/content/application~1json/schema"))
                .path("properties").has("scores")).isTrue();
    }

    @Test
    void everyOperationDocumentsItsProblems() {
        JsonNode problem = docs.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.has("status") && problem.has("title") && problem.has("detail") && problem.has("errors")).isTrue();
        Map<String, JsonNode> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40).doesNotContainKey("get /error");
        operations.forEach((name, operation) -> {
            for (String status : PROBLEMS) {
                JsonNode response = operation.at("/responses/" + status);
                assertThat(response.at("/content/application~1problem+json/schema/$ref").asText())
                        .as(name + " " + status).isEqualTo("#/components/schemas/ProblemDetail");
                assertThat(response.path("description").asText()).as(name + " " + status).isNotBlank();
            }
        });
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> out.put(op.getKey() + " " + path.getKey(), op.getValue())));
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        assertThat(schema).isNotNull();
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : docs.at(ref.substring(1));
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
