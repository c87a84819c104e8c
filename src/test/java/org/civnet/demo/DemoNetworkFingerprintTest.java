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
 * the demo network updates them on purpose.
 */
class DemoNetworkFingerprintTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest(name = "seed {0}, {1} contacts")
    @CsvSource({
        "42, 2000, b083cb512b313811d912b7bdcd0952cee95a6792005f75dc06aa8914438741e2",
        "7, 2000, bf960adb6afaadfe473e6835c62a9db57eb23b920344021f4a037c89aead6c5f",
        "42, 300, 797cad9c1b15308bbfa98f256559f7f8fcbd45bbc11cc68bf1c84602a4bc125f",
        "7, 300, e181dbf11233f6c8631b82b349ab77059641c0daa56250997794e0fd23bebda6",
    })
    void theGeneratedNetworkIsExactlyTheDocumentedOne(long seed, int contacts, String sha256) throws Exception {
        DemoNetwork demo = DemoNetworkGenerator.generate(Options.defaults().withSeed(seed).withContacts(contacts));
        byte[] json = JSON.writeValueAsBytes(demo);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)))
                .as("SHA-256 of the demo network as JSON (%d bytes)", json.length)
                .isEqualTo(sha256);
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
