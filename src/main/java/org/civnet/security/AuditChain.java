package org.civnet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The audit log's hash chain: how an entry's hash is computed from its content and its
 * predecessor's hash. Pure functions; {@link AuditLog} stores, {@link AuditVerifier} checks.
 *
 * <p><b>Canonical serialisation</b> (version 1). A list of fields is serialised as the UTF-8 bytes of
 * the fields joined by {@code |}, each field written as {@code N:value} with {@code N} the decimal
 * number of UTF-8 bytes of {@code value}, or as {@code ~} when the field is absent (null). The length
 * prefix makes the serialisation unambiguous whatever the values hold. Digests are SHA-256, written as
 * 64 lowercase hex digits.
 * <ul>
 *   <li>{@code subject = SHA-256(fields("civnet-audit-subject-v1", salt, target, detail))}: a commitment
 *       to the entry's subject (target and detail name the people read or changed), hiding once the
 *       128-bit random {@code salt} is gone;</li>
 *   <li>{@code hash = SHA-256(fields("civnet-audit-v1", seq, id, at, user, action, subject, prev))}, with
 *       {@code seq} in decimal and {@code prev} the previous entry's {@code hash} ({@link #GENESIS} before
 *       the first entry).</li>
 * </ul>
 * The chain hashes the subject's digest, not the subject: an erasure ({@link AuditLog#tombstone})
 * replaces the person in target and detail and drops the salt, and every hash still verifies.
 */
public final class AuditChain {

    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** A fresh 128-bit salt, in hex. */
    public static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    /** The commitment to an entry's subject (its target and detail). */
    public static String subject(String salt, String target, String detail) {
        return sha256(fields("civnet-audit-subject-v1", salt, target, detail));
    }

    /** The hash of an entry, which its successor carries as {@code prev}. */
    public static String hash(long seq, String id, String at, String user, String action, String subject, String prev) {
        return sha256(fields("civnet-audit-v1", Long.toString(seq), id, at, user, action, subject, prev));
    }

    /** The canonical serialisation of {@code values} (see the class comment). */
    static String fields(String... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            String value = values[i];
            if (value == null) {
                out.append('~');
            } else {
                out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
            }
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
