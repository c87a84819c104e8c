package org.civnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chain's canonical serialisation and hashes, against values computed apart from civnet (Python's
 * hashlib over the serialisation the javadoc of {@link AuditChain} documents), so a verifier outside
 * civnet can be written from the documentation alone.
 */
class AuditChainTest {

    private static final String SALT = "00".repeat(16);
    private static final String SUBJECT = "898ec9d3357e9df6df76f6e6b79f07a934f5ebe501f6d739e392ec3a7c08b50a";

    @Test
    void fieldsAreLengthPrefixedInUtf8BytesAndNullIsATilde() {
        assertThat(AuditChain.fields("a", null, "é|x")).isEqualTo("1:a|~|4:é|x");
        // A separator inside a value cannot make two different lists serialise alike.
        assertThat(AuditChain.fields("a|b", "c")).isNotEqualTo(AuditChain.fields("a", "b|c"));
    }

    @Test
    void theSubjectDigestAndTheHashAreThoseComputedOutsideCivnet() {
        assertThat(AuditChain.subject(SALT, "json", "full")).isEqualTo(SUBJECT);
        assertThat(AuditChain.hash(1, "id-1", "2026-01-01T00:00:00Z", "admin", "EXPORT", SUBJECT, AuditChain.GENESIS))
                .isEqualTo("f8af7e7454e92f69cb63b321f2f004ef1438cd33d90feebbcb40464f47f372dc");
    }

    @Test
    void anyChangeChangesTheHashAndTheSaltHidesTheSubject() {
        String hash = AuditChain.hash(1, "id-1", "2026-01-01T00:00:00Z", "admin", "EXPORT", SUBJECT, AuditChain.GENESIS);
        assertThat(AuditChain.hash(2, "id-1", "2026-01-01T00:00:00Z", "admin", "EXPORT", SUBJECT, AuditChain.GENESIS))
                .isNotEqualTo(hash);
        assertThat(AuditChain.hash(1, "id-1", "2026-01-01T00:00:00Z", "admin", "EXPORT", SUBJECT, "1".repeat(64)))
                .isNotEqualTo(hash);
        assertThat(AuditChain.subject(AuditChain.salt(), "json", "full")).isNotEqualTo(SUBJECT);
        assertThat(AuditChain.salt()).matches("[0-9a-f]{32}").isNotEqualTo(AuditChain.salt());
    }
}
