package org.civnet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BackupCipherTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    /** Real files use 600,000; the header carries the count, so a cheap one tests the same code. */
    private static final int FAST = 1_000;
    private static final byte[] PLAIN = "{\"contacts\":[{\"name\":\"Badr Salem\",\"channels\":[\"signal:+20-000\"]}]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String DAMAGED = "cannot be decrypted: wrong passphrase or damaged file";

    private final BackupCipher cipher = new BackupCipher(PASSPHRASE, FAST);

    @Test
    void aRealFileUses600000IterationsAndRoundTrips() throws Exception {
        BackupCipher real = new BackupCipher(PASSPHRASE);
        byte[] file = real.encrypt(PLAIN);

        JsonNode header = header(file);
        assertThat(header.get("format").asText()).isEqualTo("civnet-backup");
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(header.get("iterations").asInt()).isEqualTo(600_000);
        assertThat(header.get("cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(java.util.Base64.getDecoder().decode(header.get("salt").asText())).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(header.get("nonce").asText())).hasSize(12);
        assertThat(real.decrypt(file)).isEqualTo(PLAIN);
        // Any cipher with the passphrase opens it: the file, not the instance, names the iteration count.
        assertThat(cipher.decrypt(file)).isEqualTo(PLAIN);
    }

    @Test
    void theFileRevealsNothingOfTheContentAndTwoEncryptionsDiffer() throws Exception {
        byte[] first = cipher.encrypt(PLAIN);
        byte[] second = cipher.encrypt(PLAIN);
        assertThat(first).isNotEqualTo(second);
        assertThat(header(first).get("salt")).isNotEqualTo(header(second).get("salt"));
        assertThat(header(first).get("nonce")).isNotEqualTo(header(second).get("nonce"));
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("Badr").doesNotContain("signal");
        assertThat(BackupCipher.looksEncrypted(first)).isTrue();
        assertThat(BackupCipher.looksEncrypted(PLAIN)).isFalse();
        assertThat(cipher.decrypt(first)).isEqualTo(PLAIN);
        assertThat(cipher.decrypt(second)).isEqualTo(PLAIN);
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0]))).isEmpty();
    }

    @Test
    void aWrongPassphraseIsRefused() {
        byte[] file = cipher.encrypt(PLAIN);
        assertThatThrownBy(() -> new BackupCipher("correct horse battery stapler", FAST).decrypt(file))
                .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessage(DAMAGED);
    }

    @Test
    void everyFlippedBitInMagicHeaderBodyOrTagIsRefused() {
        byte[] file = cipher.encrypt(PLAIN);
        // Every byte of the file: magic, length prefix, header, ciphertext and the tag at the end.
        for (int position = 0; position < file.length; position++) {
            for (int bit : new int[] {0, 7}) {
                byte[] damaged = file.clone();
                damaged[position] ^= (byte) (1 << bit);
                int at = position;
                assertThatThrownBy(() -> cipher.decrypt(damaged)).as("byte %d bit %d", at, bit)
                        .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessageStartingWith(DAMAGED);
            }
        }
    }

    @Test
    void aTruncatedOrExtendedFileIsRefused() {
        byte[] file = cipher.encrypt(PLAIN);
        for (int length : new int[] {0, 4, 8, 9, 10, 40, prefixLength(file), prefixLength(file) + 15, file.length - 1}) {
            assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(file, length))).as("length %d", length)
                    .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessageStartingWith(DAMAGED);
        }
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(file, file.length + 1)))
                .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessage(DAMAGED);
    }

    @Test
    void anAlteredIterationCountFailsAuthentication() {
        byte[] file = cipher.encrypt(PLAIN);
        // A well-formed header with another count: the key changes and the header is authenticated data.
        byte[] altered = withHeader(file, headerText(file).replace("\"iterations\":1000", "\"iterations\":1001"));
        assertThatThrownBy(() -> cipher.decrypt(altered))
                .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessage(DAMAGED);
        byte[] shorter = withHeader(file, headerText(file).replace("\"iterations\":1000", "\"iterations\":10"));
        assertThatThrownBy(() -> cipher.decrypt(shorter))
                .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessage(DAMAGED);
    }

    @Test
    void aHeaderAskingForTooManyIterationsIsRefusedBeforeAnyKeyIsDerived() {
        byte[] file = cipher.encrypt(PLAIN);
        byte[] crafted = withHeader(file, headerText(file).replace("\"iterations\":1000", "\"iterations\":2000000000"));
        long started = System.nanoTime();
        assertThatThrownBy(() -> cipher.decrypt(crafted))
                .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessageStartingWith(DAMAGED)
                .hasMessageContaining("at most 10000000");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void headersOfAnotherFormatCipherOrShapeAreRefused() {
        byte[] file = cipher.encrypt(PLAIN);
        String header = headerText(file);
        for (String other : new String[] {header.replace("\"version\":2", "\"version\":3"),
                header.replace("AES-256-GCM", "AES-128-GCM"), header.replace("PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA1"),
                header.replace("\"salt\":\"", "\"salt\":\"AAAA"), header.replace("\"nonce\":\"", "\"nonce\":\"!"),
                header.replace("}", ",\"extra\":1}"), "null", "[]", "{"}) {
            assertThatThrownBy(() -> cipher.decrypt(withHeader(file, other))).as(other)
                    .isInstanceOf(BackupCipher.UndecryptableException.class).hasMessageStartingWith(DAMAGED);
        }
    }

    @Test
    void aShortPassphraseIsRejected() {
        assertThatThrownBy(() -> new BackupCipher("eleven char")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12").hasMessageNotContaining("eleven");
        assertThatThrownBy(() -> new BackupCipher(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int prefixLength(byte[] file) {
        return BackupCipher.MAGIC.length + 2 + (ByteBuffer.wrap(file, BackupCipher.MAGIC.length, 2).getShort() & 0xFFFF);
    }

    private static String headerText(byte[] file) {
        return new String(file, BackupCipher.MAGIC.length + 2, prefixLength(file) - BackupCipher.MAGIC.length - 2,
                StandardCharsets.UTF_8);
    }

    private static JsonNode header(byte[] file) throws Exception {
        return new ObjectMapper().readTree(headerText(file));
    }

    /** The same file with another header (and its length prefix), the ciphertext and tag untouched. */
    private static byte[] withHeader(byte[] file, String header) {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOfRange(file, prefixLength(file), file.length);
        return ByteBuffer.allocate(BackupCipher.MAGIC.length + 2 + bytes.length + body.length).put(BackupCipher.MAGIC)
                .putShort((short) bytes.length).put(bytes).put(body).array();
    }
}
