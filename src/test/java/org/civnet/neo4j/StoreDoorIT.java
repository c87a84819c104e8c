package org.civnet.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.CivnetApplication;
import org.civnet.secrets.SecretsDirectory;
import org.civnet.secrets.StartupRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.SecurityException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The store's own door, against real embedded stores: Bolt asks for the password civnet keeps in
 * its secrets directory (over TCP and over a WebSocket upgrade from any Origin), the Bolt port is a
 * free one unless configured, channels and notes never reach the data directory in clear text, a
 * data directory without its secrets does not start, and two civnets on one store act as one.
 */
class StoreDoorIT {

    private static final String ADMIN_PASSWORD = "door-admin-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext civnet(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        Stream.of("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + folder.resolve("data"),
                        "--civnet.secrets-directory=" + folder.resolve("secrets"), "--civnet.neo4j.uri=",
                        "--civnet.admin-password=" + ADMIN_PASSWORD)
                .filter(arg -> args.stream().noneMatch(given -> given.startsWith(arg.substring(0, arg.indexOf('=') + 1))))
                .forEach(args::add);
        return new SpringApplicationBuilder(CivnetApplication.class).run(args.toArray(String[]::new));
    }

    // ---- Bolt asks for the password --------------------------------------------------------------

    @Test
    void boltRefusesConnectionsWithoutTheRightPasswordOverTcpAndWebSocket(@TempDir Path folder) throws Exception {
        try (ConfigurableApplicationContext app = civnet(folder)) {
            int port = app.getBean(EmbeddedNeo4j.class).boltPort();
            Path passwordFile = folder.resolve("secrets").resolve(SecretsDirectory.NEO4J_PASSWORD);
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

            String uri = "bolt://127.0.0.1:" + port;
            assertThatThrownBy(() -> query(uri, null)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> query(uri, "not-the-password")).isInstanceOf(SecurityException.class);
            assertThat(query(uri, password)).isEqualTo(1);

            // A web page in the officer's browser can open a WebSocket to the port from any Origin
            // (Neo4j 5.26 cannot refuse that); what it then says in Bolt is refused without the password.
            assertThat(helloOverWebSocket(port, "none", null)).isEqualTo(Bolt.FAILURE);
            assertThat(helloOverWebSocket(port, "basic", "not-the-password")).isEqualTo(Bolt.FAILURE);
            assertThat(helloOverWebSocket(port, "basic", password)).isEqualTo(Bolt.SUCCESS);
        }
    }

    private static long query(String uri, String password) {
        try (Driver driver = GraphDatabase.driver(uri, password == null ? AuthTokens.none()
                : AuthTokens.basic(EmbeddedNeo4j.USER, password)); Session session = driver.session()) {
            return session.run("RETURN 1 AS one").single().get("one").asLong();
        }
    }

    /** Upgrades to a WebSocket as a browser page from another site would, then sends Bolt 4.4's HELLO. */
    private static int helloOverWebSocket(int port, String scheme, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Origin: http://evil.example\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(Bolt.httpHead(in)).startsWith("HTTP/1.1 101");
            Bolt.sendFrame(out, HexFormat.of().parseHex("6060b017" + "00000404" + "00".repeat(12)));
            assertThat(Bolt.readFrame(in)).containsExactly(0, 0, 4, 4);
            Bolt.sendFrame(out, Bolt.chunk(Bolt.hello(scheme, password)));
            byte[] reply = Bolt.readFrame(in);
            return reply[3] & 0xff;
        }
    }

    // ---- ports ---------------------------------------------------------------------------------

    @Test
    void twoCivnetsWithDefaultSettingsStartBesideANeo4jOnTheUsualPort(@TempDir Path one, @TempDir Path two)
            throws Exception {
        ServerSocket usualPort = null;
        try {
            usualPort = new ServerSocket(7687, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            // Something already listens on 7687, which is the situation this test is about.
        }
        try (ConfigurableApplicationContext first = civnet(one); ConfigurableApplicationContext second = civnet(two)) {
            int a = first.getBean(EmbeddedNeo4j.class).boltPort();
            int b = second.getBean(EmbeddedNeo4j.class).boltPort();
            assertThat(a).isNotEqualTo(7687).isNotEqualTo(b);
            assertThat(b).isNotEqualTo(7687);
            assertThat(get(first, "/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(get(second, "/actuator/health", null).statusCode()).isEqualTo(200);
        } finally {
            if (usualPort != null) {
                usualPort.close();
            }
        }
    }

    @Test
    void aConfiguredPortThatIsTakenIsRefusedNamingTheSetting(@TempDir Path folder) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> civnet(folder, "--civnet.neo4j.bolt-port=" + taken.getLocalPort()))
                    .satisfies(e -> assertThat(refusal(e).getMessage())
                            .contains("civnet.neo4j.bolt-port " + taken.getLocalPort() + " is already in use"));
        }
    }

    // ---- what the data directory holds ---------------------------------------------------------------

    @Test
    void channelsAndNotesNeverReachTheDataDirectoryAndItsCopyDoesNotStartWithoutItsSecrets(
            @TempDir Path folder, @TempDir Path copy) throws Exception {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        String channel = "signal:zyxwa-qorvath-" + secret;
        String notes = "met after the hearing; lives near the old mill " + secret;
        String name = "Distinctive Contact Name For The Scan " + secret;
        try (ConfigurableApplicationContext app = civnet(folder)) {
            HttpResponse<String> created = send(app, "POST", "/api/contacts", Map.of("id", "c-door", "name", name,
                    "country", "KE", "riskLevel", "HIGH", "channels", List.of(channel), "notes", notes));
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode read = JSON.readTree(get(app, "/api/contacts/c-door", ADMIN_PASSWORD).body());
            assertThat(read.path("channels").get(0).asText()).isEqualTo(channel);
            assertThat(read.path("notes").asText()).isEqualTo(notes);
        }
        Path data = folder.resolve("data");
        // The scan can see what the store keeps in clear text: the name is there, the channel and notes are not.
        assertThat(filesContaining(data, name)).isNotEmpty();
        assertThat(filesContaining(data, channel)).isEmpty();
        assertThat(filesContaining(data, "zyxwa-qorvath")).isEmpty();
        assertThat(filesContaining(data, "old mill")).isEmpty();

        // A copy of the data directory without the secrets directory: refused, and no new keys made.
        FileSystemUtils.copyRecursively(data, copy.resolve("data"));
        assertThatThrownBy(() -> civnet(copy)).satisfies(e -> assertThat(refusal(e).getMessage())
                .contains("neo4j-password is missing"));
        assertThat(copy.resolve("secrets").resolve(SecretsDirectory.FIELD_KEYS)).doesNotExist();
        // With the Neo4j password but not the field keys: still refused, still no new keys.
        Files.createDirectories(copy.resolve("secrets"));
        Files.copy(folder.resolve("secrets").resolve(SecretsDirectory.NEO4J_PASSWORD),
                copy.resolve("secrets").resolve(SecretsDirectory.NEO4J_PASSWORD));
        assertThatThrownBy(() -> civnet(copy)).satisfies(e -> assertThat(refusal(e).getMessage())
                .contains("field-keys.json is missing"));
        assertThat(copy.resolve("secrets").resolve(SecretsDirectory.FIELD_KEYS)).doesNotExist();

        // Opened without civnet, the copy gives the ciphertext only.
        try (EmbeddedNeo4j raw = EmbeddedNeo4j.start(copy.resolve("data"), 0, "anyone-who-holds-the-copy");
             Driver driver = GraphDatabase.driver(raw.boltUri(), AuthTokens.basic("neo4j", "anyone-who-holds-the-copy"));
             Session session = driver.session()) {
            var stored = session.run("MATCH (c:Contact {id: 'c-door'}) RETURN c.name AS name, c.channels AS channels, "
                    + "c.notes AS notes").single();
            assertThat(stored.get("name").asString()).isEqualTo(name);
            assertThat(stored.get("channels").asString()).startsWith("penc:").doesNotContain(secret);
            assertThat(stored.get("notes").asString()).startsWith("penc:").doesNotContain(secret);
        }

        // With its whole secrets directory the copy starts and reads the fields again.
        FileSystemUtils.copyRecursively(folder.resolve("secrets"), copy.resolve("secrets"));
        try (ConfigurableApplicationContext app = civnet(copy)) {
            JsonNode read = JSON.readTree(get(app, "/api/contacts/c-door", ADMIN_PASSWORD).body());
            assertThat(read.path("channels").get(0).asText()).isEqualTo(channel);
        }
    }

    @Test
    void rotatingTheFieldKeyKeepsEveryValueReadableUnderTheNewKey(@TempDir Path folder) throws Exception {
        try (ConfigurableApplicationContext app = civnet(folder)) {
            send(app, "POST", "/api/contacts", Map.of("id", "c-r", "name", "Rotated", "country", "PE",
                    "channels", List.of("tel:+51 1 234"), "notes", "kept"));
            String before = Files.readString(folder.resolve("secrets").resolve(SecretsDirectory.FIELD_KEYS));
            HttpResponse<String> rotated = send(app, "POST", "/api/admin/field-keys/rotate", Map.of());
            assertThat(rotated.statusCode()).isEqualTo(200);
            JsonNode rotation = JSON.readTree(rotated.body());
            assertThat(rotation.path("contactsReencrypted").asLong()).isEqualTo(1);
            assertThat(Files.readString(folder.resolve("secrets").resolve(SecretsDirectory.FIELD_KEYS))).isNotEqualTo(before);
            try (Session session = app.getBean(Driver.class).session()) {
                // The person's data key is wrapped anew under the primary key; the fields stay sealed under it.
                assertThat(session.run("MATCH (k:PersonKey {contact: 'c-r'}) RETURN k.wrapped AS v").single().get("v").asString())
                        .startsWith("enc:" + rotation.path("primaryKeyId").asText() + ":");
                assertThat(session.run("MATCH (c:Contact {id: 'c-r'}) RETURN c.channels AS v").single().get("v").asString())
                        .startsWith("penc:");
            }
            JsonNode read = JSON.readTree(get(app, "/api/contacts/c-r", ADMIN_PASSWORD).body());
            assertThat(read.path("channels").get(0).asText()).isEqualTo("tel:+51 1 234");
            assertThat(read.path("notes").asText()).isEqualTo("kept");
        }
        try (ConfigurableApplicationContext again = civnet(folder)) {
            assertThat(JSON.readTree(get(again, "/api/contacts/c-r", ADMIN_PASSWORD).body()).path("notes").asText())
                    .isEqualTo("kept");
        }
    }

    @Test
    void aStoreFromBeforeSecretsGetsThemAndItsClearTextFieldsEncrypted(@TempDir Path folder) throws Exception {
        // A data directory as civnet left it before this version: no marker, channels and notes in clear text.
        try (EmbeddedNeo4j old = EmbeddedNeo4j.start(folder.resolve("data"), 0, "old-password-1");
             Driver driver = GraphDatabase.driver(old.boltUri(), AuthTokens.basic("neo4j", "old-password-1"));
             Session session = driver.session()) {
            session.run("CREATE (:Node:Contact {id: 'c-old', name: 'Old Contact', country: 'TN', region: 'ARAB_REGION', "
                    + "channels: ['mail:old@example.org'], notes: 'from the old days'})").consume();
        }
        try (ConfigurableApplicationContext app = civnet(folder)) {
            assertThat(folder.resolve("secrets").resolve(SecretsDirectory.FIELD_KEYS)).exists();
            JsonNode read = JSON.readTree(get(app, "/api/contacts/c-old", ADMIN_PASSWORD).body());
            assertThat(read.path("channels").get(0).asText()).isEqualTo("mail:old@example.org");
            assertThat(read.path("notes").asText()).isEqualTo("from the old days");
            try (Session session = app.getBean(Driver.class).session()) {
                var stored = session.run("MATCH (c:Contact {id: 'c-old'}) RETURN c.channels AS channels, c.notes AS notes")
                        .single();
                assertThat(stored.get("channels").asString()).startsWith("penc:");
                assertThat(stored.get("notes").asString()).startsWith("penc:");
            }
        }
    }

    // ---- replicas --------------------------------------------------------------------------------

    @Test
    void aCivnetOnAnothersStoreThroughANeo4jUriActsAsOne(@TempDir Path first, @TempDir Path second) throws Exception {
        try (ConfigurableApplicationContext a = civnet(first)) {
            Path secrets = first.resolve("secrets");
            try (ConfigurableApplicationContext b = civnet(second,
                    "--civnet.neo4j.uri=neo4j://127.0.0.1:" + a.getBean(EmbeddedNeo4j.class).boltPort(),
                    "--civnet.neo4j.password=" + Files.readString(secrets.resolve(SecretsDirectory.NEO4J_PASSWORD)).strip(),
                    "--civnet.field-key=" + Files.readString(secrets.resolve(SecretsDirectory.FIELD_KEYS)).strip())) {
                // A write through one is in the other's next analysis (after the 250 ms it remembers a version).
                assertThat(get(b, "/api/analysis/centrality?metric=degree", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
                send(a, "POST", "/api/contacts", Map.of("id", "r-1", "name", "Replica One", "country", "KE",
                        "channels", List.of("mail:one@example.org")));
                send(a, "POST", "/api/contacts", Map.of("id", "r-2", "name", "Replica Two", "country", "KE"));
                assertThat(send(a, "POST", "/api/ties", Map.of("type", "KNOWS", "from", "r-1", "to", "r-2", "trust", 4))
                        .statusCode()).isEqualTo(201);
                Thread.sleep(300);
                JsonNode degrees = JSON.readTree(get(b, "/api/analysis/centrality?metric=degree", ADMIN_PASSWORD).body());
                assertThat(degrees.toString()).contains("r-1").contains("r-2");
                assertThat(JSON.readTree(get(b, "/api/contacts/r-1", ADMIN_PASSWORD).body()).path("channels").get(0).asText())
                        .isEqualTo("mail:one@example.org");

                // Failed logins through one count in the other.
                send(a, "POST", "/api/users", Map.of("username", "target", "password", "target-password-1", "role", "ANALYST"));
                for (int i = 0; i < 5; i++) {
                    assertThat(get(a, "/api/me", "target", "wrong-" + i).statusCode()).isEqualTo(401);
                }
                HttpResponse<String> blocked = get(b, "/api/me", "target", "target-password-1");
                assertThat(blocked.statusCode()).isEqualTo(429);
                assertThat(blocked.headers().firstValue("Retry-After")).isPresent();

                // A token revoked through one is refused by the other at once.
                String token = JSON.readTree(send(b, "POST", "/api/tokens", Map.of("name", "shared", "expiresInDays", 1))
                        .body()).path("token").asText();
                assertThat(bearer(a, "/api/me", token).statusCode()).isEqualTo(200);
                assertThat(send(b, "DELETE", "/api/tokens/shared", null).statusCode()).isEqualTo(204);
                assertThat(bearer(a, "/api/me", token).statusCode()).isEqualTo(401);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static StartupRefusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusal refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no StartupRefusal in", e);
    }

    /** The files under {@code folder} whose bytes contain {@code text} in UTF-8. */
    private static List<Path> filesContaining(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(file, needle)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int length = kept + read;
                for (int i = 0; i + needle.length <= length; i++) {
                    if (matchesAt(buffer, i, needle)) {
                        return true;
                    }
                }
                kept = Math.min(needle.length - 1, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] buffer, int at, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (buffer[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String password)
            throws IOException, InterruptedException {
        return password == null ? HTTP.send(HttpRequest.newBuilder(uri(app, path)).build(), HttpResponse.BodyHandlers.ofString())
                : get(app, path, "admin", password);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String user, String password)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> bearer(ConfigurableApplicationContext app, String path, String token)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return HTTP.send(HttpRequest.newBuilder(uri(app, path)).method(method, publisher)
                .header("Content-Type", "application/json").header("Authorization", basic("admin", ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough Bolt 4.4 over WebSocket frames to say HELLO and read the answer's signature. */
    private static final class Bolt {
        static final int SUCCESS = 0x70;
        static final int FAILURE = 0x7f;

        static String httpHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        /** A masked binary frame, as a client must send it (payloads here are under 126 bytes). */
        static void sendFrame(OutputStream out, byte[] payload) throws IOException {
            byte[] mask = {0x11, 0x22, 0x33, 0x44};
            out.write(0x82);
            out.write(0x80 | payload.length);
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
        }

        static byte[] readFrame(InputStream in) throws IOException {
            int opcode = in.read();
            assertThat(opcode & 0x0f).as("binary frame").isEqualTo(2);
            int length = in.read() & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            }
            return in.readNBytes(length);
        }

        static byte[] chunk(byte[] message) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(message.length >> 8);
            out.write(message.length & 0xff);
            out.writeBytes(message);
            out.write(0);
            out.write(0);
            return out.toByteArray();
        }

        static byte[] hello(String scheme, String password) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0xB1);
            out.write(0x01);
            out.write(0xA0 | (password == null ? 2 : 4));
            string(out, "user_agent");
            string(out, "door-test/1");
            string(out, "scheme");
            string(out, scheme);
            if (password != null) {
                string(out, "principal");
                string(out, EmbeddedNeo4j.USER);
                string(out, "credentials");
                string(out, password);
            }
            return out.toByteArray();
        }

        private static void string(ByteArrayOutputStream out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                out.write(0x80 | bytes.length);
            } else {
                out.write(0xD0);
                out.write(bytes.length);
            }
            out.writeBytes(bytes);
        }
    }
}
