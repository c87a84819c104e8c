package org.civnet.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;

/**
 * Encrypts the most dangerous values civnet stores (how to reach a person, what is known of them)
 * under a key that is not in the store: Tink's deterministic AEAD, AES-256-SIV (RFC 5297), over a
 * Tink keyset. A stored value is {@code enc:<key id>:<base64 ciphertext>}; the key id (also inside
 * Tink's ciphertext prefix) says which key of the keyset opens it, so keys can be rotated while old
 * values stay readable.
 *
 * <p>Deterministic, and bound to a context (the node id and field name as associated data): the
 * same value of the same field of the same person encrypts to the same text, so re-importing an
 * unchanged document changes nothing in the store, while equal values of two people, or of two
 * fields, look unrelated. What it gives away is only that a field of one person kept its value.
 * Immutable; {@link #rotated()} returns a new cipher.
 */
public final class FieldCipher {

    static final String PREFIX = "enc:";

    static {
        try {
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final DeterministicAead aead;

    private FieldCipher(KeysetHandle keyset) {
        try {
            this.keyset = keyset;
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the field keyset holds no AES-SIV key", e);
        }
    }

    /** A new keyset with one fresh AES-256-SIV key. */
    public static FieldCipher generate() {
        try {
            return new FieldCipher(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cipher over a Tink JSON keyset (as {@link #keysetJson()} writes it, or Tinkey creates it). */
    public static FieldCipher parse(String keysetJson) {
        try {
            return new FieldCipher(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink JSON keyset of AES-SIV keys", e);
        }
    }

    /** The keyset, secret keys included: for the secrets directory only. */
    public String keysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same keyset with a new primary key: new values use it, old ones stay readable. */
    public FieldCipher rotated() {
        try {
            return new FieldCipher(KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
                            .withRandomId().makePrimary())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the key new values are encrypted with, as it appears in stored values. */
    public String primaryKeyId() {
        return Integer.toUnsignedString(keyset.getPrimary().getId(), 16);
    }

    /** The prefix every value encrypted under the primary key starts with. */
    public String primaryPrefix() {
        return PREFIX + primaryKeyId() + ":";
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] ciphertext = aead.encryptDeterministically(plaintext.getBytes(StandardCharsets.UTF_8),
                    context.getBytes(StandardCharsets.UTF_8));
            return primaryPrefix() + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plaintext of a stored value; a value without the prefix is returned as it is (written
     * before encryption was on, until the start-up migration has encrypted it).
     *
     * @throws UnreadableFieldException when no key of the keyset opens it, or it was moved to
     *                                  another person or field
     */
    public String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new UnreadableFieldException(context);
        }
        try {
            byte[] ciphertext = Base64.getDecoder().decode(stored.substring(colon + 1));
            return new String(aead.decryptDeterministically(ciphertext, context.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableFieldException(context);
        }
    }

    /**
     * Ciphertext without a key id, as Base64: for a keyset of one key that is never rotated (a
     * person's data key, see PersonKeys), where the owner of the value says which keyset opens it.
     */
    public String encryptBare(String plaintext, String context) {
        try {
            return Base64.getEncoder().encodeToString(aead.encryptDeterministically(
                    plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext of {@link #encryptBare}'s output; unreadable when this keyset or context does not open it. */
    public String decryptBare(String base64, String context) {
        try {
            return new String(aead.decryptDeterministically(Base64.getDecoder().decode(base64),
                    context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableFieldException(context);
        }
    }

    public static boolean isEncrypted(Object stored) {
        return stored instanceof String s && s.startsWith(PREFIX);
    }

    /** A stored value that none of this keyset's keys opens. */
    public static final class UnreadableFieldException extends RuntimeException {
        public UnreadableFieldException(String context) {
            super("the field key does not open the stored value of " + context);
        }
    }
}
