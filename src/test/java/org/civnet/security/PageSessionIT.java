package org.civnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web page's login: a session cookie (HttpOnly, SameSite=Strict, a new id at login), kept in the
 * store by its hash, with an idle timeout; a CSRF token on every state-changing request; logout and a
 * deleted user end it. Programs stay stateless.
 */
class PageSessionIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    /** A browser's view of one session: its cookie and CSRF token. */
    private final class Page {
        String cookie;
        String csrfHeader;
        String csrfToken;

        HttpResponse<String> call(String method, String path, String body, String contentType, boolean withCsrf)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("X-Requested-With", "XMLHttpRequest");
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (withCsrf && csrfToken != null) {
                request.header(csrfHeader, csrfToken);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CIVNET_SESSION="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            return response;
        }

        JsonNode session() throws IOException, InterruptedException {
            JsonNode session = JSON.readTree(call("GET", "/api/session", null, null, false).body());
            csrfHeader = session.path("csrfHeader").asText(null);
            csrfToken = session.path("csrfToken").asText(null);
            return session;
        }

        HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
            session();
            return call("POST", "/api/session", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", true);
        }
    }

    @BeforeEach
    void noSessions() {
        try (Session session = driver.session()) {
            session.run("MATCH (s:WebSession) DELETE s").consume();
        }
    }

    @Test
    void aLoginStartsAnHttpOnlyStrictSessionThatSurvivesAReloadAndProvesEveryWrite() throws Exception {
        Page page = new Page();
        JsonNode anonymous = page.session();
        assertThat(anonymous.path("authenticated").asBoolean()).isFalse();
        assertThat(page.csrfToken).isNotBlank();
        String before = page.cookie;

        // Logging in needs the CSRF token too (no login planted from another site).
        assertThat(page.call("POST", "/api/session", "username=admin&password=" + ADMIN_PASSWORD,
                "application/x-www-form-urlencoded", false).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = page.login("admin", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        HttpResponse<String> in = page.login("admin", ADMIN_PASSWORD);
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(in.body()).path("username").asText()).isEqualTo("admin");
        String setCookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CIVNET_SESSION="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(page.cookie).as("a new session id at login").isNotEqualTo(before);

        // A reload: the same cookie, a fresh look at the session.
        assertThat(page.session().path("role").asText()).isEqualTo("ADMIN");
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(200);

        String contact = "{\"id\":\"c-page\",\"name\":\"Made In The Page\",\"country\":\"KE\"}";
        HttpResponse<String> forged = page.call("POST", "/api/contacts", contact, "application/json", false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(page.call("POST", "/api/contacts", contact, "application/json", true).statusCode()).isEqualTo(201);

        // The store holds the session under the hash of its id, never the id.
        String id = page.cookie.substring("CIVNET_SESSION=".length());
        String decoded = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
        try (Session session = driver.session()) {
            List<String> keys = session.run("MATCH (s:WebSession) RETURN s.key AS key").list(r -> r.get("key").asString());
            assertThat(keys).contains(UserAccounts.hash(decoded)).doesNotContain(decoded, id);
        }

        assertThat(page.call("POST", "/api/session/logout", null, null, true).statusCode()).isEqualTo(204);
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutEnds() throws Exception {
        Page page = new Page();
        assertThat(page.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(200);
        try (Session session = driver.session()) {
            // Thirty-one minutes without a request (the default idle timeout is 30).
            session.run("MATCH (s:WebSession) SET s.lastAccessedTime = s.lastAccessedTime - $idle",
                    Map.of("idle", 31L * 60 * 1000)).consume();
        }
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void theThrottleCountsEverySpellingOfALoginAndNoBrowserIsAskedForBasic() throws Exception {
        send(http, org.springframework.http.HttpMethod.POST, "/api/users",
                "{\"username\":\"spell-user\",\"password\":\"spell-user-password-1\",\"role\":\"ANALYST\"}");
        String wrong = Base64.getEncoder().encodeToString("spell-user:wrong".getBytes(StandardCharsets.UTF_8));
        for (String scheme : List.of("Basic\t", "basic ", "Basic ")) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                    .header("Authorization", scheme + wrong).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(scheme).isEqualTo(401);
            // A browser shown a Basic challenge would offer a dialog, then send what was typed cross-site.
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).doesNotContainIgnoringCase("basic");
        }
        Page page = new Page();
        assertThat(page.login("spell-user ", "wrong").statusCode()).isEqualTo(401);
        assertThat(page.login(" spell-user", "wrong").statusCode()).isEqualTo(401);
        // Five failures under five spellings: the right password is now refused for a while.
        assertThat(page.login("spell-user", "spell-user-password-1").statusCode()).isEqualTo(429);
    }

    @Test
    void deletingAUserEndsTheirPageSessionsAndProgramsGetNoCookie() throws Exception {
        send(http, org.springframework.http.HttpMethod.POST, "/api/users",
                "{\"username\":\"page-officer\",\"password\":\"page-officer-password-1\",\"role\":\"OFFICER\"}");
        Page page = new Page();
        assertThat(page.login("page-officer", "page-officer-password-1").statusCode()).isEqualTo(200);
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(200);
        assertThat(http.exchange("/api/users/page-officer", org.springframework.http.HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(page.call("GET", "/api/me", null, null, false).statusCode()).isEqualTo(401);

        HttpResponse<String> basic = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
    }
}
