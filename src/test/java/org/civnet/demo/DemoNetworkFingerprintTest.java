package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.civnet.demo.DemoNetworkGenerator.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Pins the generated demo network to the byte: the demo is documented and benchmarked, so a refactoring of the
 * generator must leave every draw of the random generator, and so every node and tie, where it was. The hashes
 * were computed from the generator before it was split into classes (issue 15); a change that means to alter
 * the demo network updates them on purpose. Fields left empty are not serialised: a record that gains an
 * optional field (issue 16's {@code responsibleOfficer}) does not change the network; these hashes were
 * computed that way at the commit before that field, and again after it, and agree. Issue 19 gave the demo
 * people consent records, drawn from a random stream of their own: the second hash is of the network with
 * every contact's {@code consent} taken out, and equals the hash of the network before them.
 */
class DemoNetworkFingerprintTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @ParameterizedTest(name = "seed {0}, {1} contacts")
    @CsvSource({
        "42, 2000, 10c027330575862fd11e9741833f7bbb1f77cb9189a933dd05554ecadc712b64, 147e6dfea3ebba7106acb00c81e57f78203ee505bb7c1f9564c604770c7421b7",
        "7, 2000, 060ca311bd830d470e8076dea589cdea32ccd474db1ffc87fe0cc6dea625ab72, 9689d0c777573a965ac23cb73afc4d89c0d54d2405d3d35b7b23fcc88813deca",
        "42, 300, 63af6d59e4512f1e48cf5c2018fb346ba648044b900733b07a881daf43333ded, b8925bba5fdc3a561272b5eabc5b074b660c8b4a734144a6c0ba9dab9a98e0d7",
        "7, 300, f8340672a719f4c9befca79ab77a8f7184b70b45295f5723a784a03025f38a14, 91b7f3fa4c5331d8ab4638b532aed39a9256a8a30a554f8b63fb2622ddc6ae9a",
    })
    void theGeneratedNetworkIsExactlyTheDocumentedOne(long seed, int contacts, String sha256, String withoutConsent)
            throws Exception {
        DemoNetwork demo = DemoNetworkGenerator.generate(Options.defaults().withSeed(seed).withContacts(contacts));
        byte[] json = JSON.writeValueAsBytes(demo);
        assertThat(sha256(json)).as("SHA-256 of the demo network as JSON (%d bytes)", json.length).isEqualTo(sha256);

        com.fasterxml.jackson.databind.JsonNode tree = JSON.valueToTree(demo);
        for (com.fasterxml.jackson.databind.JsonNode contact : tree.get("document").get("contacts")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) contact).remove("consent");
        }
        assertThat(sha256(JSON.writeValueAsBytes(tree))).as("SHA-256 of the demo network without consent records")
                .isEqualTo(withoutConsent);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest(name = "seed {0}, {1} contacts")
    @CsvSource({"42, 300"})
    void theFingerprintCoversTheWholeNetwork(long seed, int contacts) throws Exception {
        String json = new String(JSON.writeValueAsBytes(
                DemoNetworkGenerator.generate(Options.defaults().withSeed(seed).withContacts(contacts))),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"contacts\"", "\"ties\"", "\"introductions\"", "\"isolatedGroups\"",
                "\"hroContactId\"", "\"since\":\"20");
    }
}
