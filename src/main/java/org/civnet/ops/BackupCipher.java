package org.civnet.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;

/**
 * Encrypts and decrypts backup files (format version {@value #VERSION}) with AES-256-GCM under a key
 * derived from a passphrase with PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations), JDK crypto only.
 *
 * <p>A file is {@code MAGIC | header length (2 bytes, big-endian) | header | ciphertext and 16-byte
 * tag}. The header is a small JSON object naming the format, version, KDF with its iterations and
 * salt, the cipher and the nonce, so a file says how to open it and the parameters can change later.
 * Every byte before the ciphertext is GCM associated data: changing the header (say, the iteration
 * count) fails authentication exactly like changing the ciphertext. Salt (16 bytes) and nonce
 * (12 bytes) are random per file, so one key never meets the same nonce twice and two backups of the
 * same network differ.
 *
 * <p>Memory: a backup is encrypted in one {@code doFinal} over a byte array, so encrypting holds the
 * plain text and the cipher text at once (about twice the backup in heap), and decrypting likewise;
 * GCM decryption releases nothing before the tag is checked in any case, which is what guarantees
 * that nothing of a damaged file is ever parsed. Arrays also cap a backup at about 2 GB.
 *
 * <p>Pure and thread-safe: no Spring, no I/O; each call makes its own {@link Cipher}.
 */
public final class BackupCipher {

    /** The first bytes of every encrypted backup. */
    static final byte[] MAGIC = "CIVNETBK".getBytes(StandardCharsets.US_ASCII);
    static final String FORMAT = "civnet-backup";
    static final int VERSION = 2;
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final String CIPHER = "AES-256-GCM";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about half a second per backup or restore here. */
    public static final int ITERATIONS = 600_000;
    /** A crafted header may not ask for more: deriving the key is done before anything is authenticated. */
    static final int MAX_ITERATIONS = 10_000_000;
    public static final int MIN_PASSPHRASE_LENGTH = CivnetProperties.Backup.MIN_PASSPHRASE_LENGTH;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    /** Our headers are about 200 bytes; a length beyond this is damage, not a bigger header. */
    private static final int MAX_HEADER_BYTES = 4096;
    private static final String DAMAGED = "cannot be decrypted: wrong passphrase or damaged file";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The header, written as JSON in this order; salt and nonce in Base64. */
    record Header(String format, int version, String kdf, int iterations, String salt, String cipher, String nonce) {
    }

    /** A file this cipher cannot open: a wrong passphrase, damage, or not an encrypted civnet backup. */
    public static final class UndecryptableException extends Exception {
        UndecryptableException(String message) {
            super(message);
        }
    }

    private final char[] passphrase;
    private final int iterations;

    public BackupCipher(String passphrase) {
        this(passphrase, ITERATIONS);
    }

    /** With fewer iterations, for tests only: a file names its own count, so decryption is unaffected. */
    BackupCipher(String passphrase, int iterations) {
        if (passphrase == null || passphrase.length() < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("the backup passphrase needs at least " + MIN_PASSPHRASE_LENGTH
                    + " characters");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        this.passphrase = passphrase.toCharArray();
        this.iterations = iterations;
    }

    /** Whether a file starts like an encrypted backup (says nothing about whether it opens). */
    public static boolean looksEncrypted(byte[] file) {
        return file.length >= MAGIC.length && Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public byte[] encrypt(byte[] plaintext) {
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] header;
        try {
            header = JSON.writeValueAsBytes(new Header(FORMAT, VERSION, KDF, iterations, base64.encodeToString(salt),
                    CIPHER, base64.encodeToString(nonce)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the backup header", e);
        }
        byte[] prefix = ByteBuffer.allocate(MAGIC.length + 2 + header.length)
                .put(MAGIC).putShort((short) header.length).put(header).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(prefix);
            byte[] file = Arrays.copyOf(prefix, prefix.length + cipher.getOutputSize(plaintext.length));
            int written = cipher.doFinal(plaintext, 0, plaintext.length, file, prefix.length);
            return written == file.length - prefix.length ? file : Arrays.copyOf(file, prefix.length + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /**
     * The plain text of an encrypted backup, only once the whole file (header included) is
     * authenticated; otherwise nothing.
     */
    public byte[] decrypt(byte[] file) throws UndecryptableException {
        if (!looksEncrypted(file)) {
            throw new UndecryptableException(DAMAGED + " (it does not start like an encrypted civnet backup)");
        }
        if (file.length < MAGIC.length + 2) {
            throw new UndecryptableException(DAMAGED + " (it is truncated)");
        }
        int headerLength = ByteBuffer.wrap(file, MAGIC.length, 2).getShort() & 0xFFFF;
        int prefixLength = MAGIC.length + 2 + headerLength;
        if (headerLength > MAX_HEADER_BYTES || file.length < prefixLength + TAG_BITS / 8) {
            throw new UndecryptableException(DAMAGED + " (it is truncated or its header is damaged)");
        }
        Header header = header(Arrays.copyOfRange(file, MAGIC.length + 2, prefixLength));
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(base64.decode(header.salt()), header.iterations()),
                    new GCMParameterSpec(TAG_BITS, base64.decode(header.nonce())));
            cipher.updateAAD(file, 0, prefixLength);
            return cipher.doFinal(file, prefixLength, file.length - prefixLength);
        } catch (AEADBadTagException e) {
            throw new UndecryptableException(DAMAGED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The header, checked before any key is derived: known format and cipher, sane sizes and iterations. */
    private static Header header(byte[] bytes) throws UndecryptableException {
        Header header;
        try {
            header = JSON.readValue(bytes, Header.class);
        } catch (IOException e) {
            throw new UndecryptableException(DAMAGED + " (its header is not readable)");
        }
        if (header == null || !FORMAT.equals(header.format()) || header.version() != VERSION
                || !KDF.equals(header.kdf()) || !CIPHER.equals(header.cipher())) {
            throw new UndecryptableException(DAMAGED + " (its header does not describe a " + FORMAT + " version "
                    + VERSION + " file encrypted with " + CIPHER + " under a " + KDF + " key)");
        }
        if (header.iterations() < 1 || header.iterations() > MAX_ITERATIONS) {
            throw new UndecryptableException(DAMAGED + " (its header asks for " + header.iterations()
                    + " key derivation iterations; at most " + MAX_ITERATIONS + " are accepted)");
        }
        if (decodedLength(header.salt()) != SALT_BYTES || decodedLength(header.nonce()) != NONCE_BYTES) {
            throw new UndecryptableException(DAMAGED + " (its header's salt or nonce has the wrong size)");
        }
        return header;
    }

    private static int decodedLength(String base64) {
        try {
            return base64 == null ? -1 : Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private SecretKey key(byte[] salt, int rounds) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, rounds, KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
