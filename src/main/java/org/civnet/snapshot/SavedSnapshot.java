package org.civnet.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.civnet.config.CivnetProperties;
import org.civnet.secrets.SecretsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The whole graph kept across a restart, so the first analysis after start-up applies the change
 * records written since instead of reading a million ties again ({@code civnet.analysis.save-on-stop}).
 *
 * <p>When civnet stops, the graph it holds is written to {@value #FILE} in the embedded store's data
 * directory, encrypted (Tink's streaming AEAD, AES-256-GCM-HKDF in 1 MiB segments) under a key made
 * for this one file and kept in the secrets directory ({@value #KEY}), so a copy of the data
 * directory reveals nothing of it. The associated data binds it to the store's identity. When civnet
 * starts, both are read and deleted before the graph is used: the file lives only while civnet is
 * stopped, and a copy of it taken then is unreadable once the key is gone (what an erasure while
 * civnet runs relies on). A file that is absent, of another store, tampered with, cut short or
 * unreadable for any reason is logged and ignored: the graph is then read whole, as before.
 *
 * <p>Only with the embedded Neo4j: its data directory belongs to civnet. With an external store,
 * replicas keep no state on disk.
 */
@Component
public class SavedSnapshot {

    static final String FILE = "civnet-snapshot.bin";
    static final String KEY = "snapshot-key.json";
    private static final byte[] CONTEXT = "civnet saved snapshot 1\n".getBytes(StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(SavedSnapshot.class);

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean enabled;
    private final Path file;
    private final SecretsDirectory secrets;

    public SavedSnapshot(CivnetProperties properties) {
        Path data = properties.neo4j().dataDirectory();
        this.enabled = properties.analysis().saveOnStop() && !properties.neo4j().external();
        this.file = data.resolve(FILE);
        this.secrets = SecretsDirectory.at(properties.secretsDirectory(), data);
    }

    /** Whether graphs are saved and taken here (the setting on, and the embedded store). */
    public boolean enabled() {
        return enabled;
    }

    /** Writes {@code data}, read from the store {@code storeIdentity}, over any earlier file. */
    public void save(GraphData data, String storeIdentity) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        Path partial = file.resolveSibling("." + FILE + ".part");
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            StreamingAead aead = key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            // The key first: a key without its file is harmless, a file without its key is unreadable.
            secrets.write(KEY, TinkJsonProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get()));
            Files.deleteIfExists(partial);
            createOwnerOnly(partial);
            try (OutputStream out = aead.newEncryptingStream(
                    new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20), associatedData(storeIdentity))) {
                SnapshotFormat.write(data, storeIdentity, new BufferedOutputStream(out, 1 << 16));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("snapshot: saved {} nodes and {} ties at graph version {} for the next start in {} ms",
                    data.nodeCount(), data.tieCount(), data.graphVersion(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("snapshot: not saved for the next start ({})", e.toString());
            deleteQuietly(partial);
        }
    }

    /**
     * The graph saved when civnet last stopped, if it was saved from the store {@code storeIdentity}
     * names and can be read; the file and its key are deleted either way.
     */
    public GraphData take(Supplier<String> storeIdentity) {
        if (!enabled || !Files.exists(file)) {
            return null;
        }
        long started = System.nanoTime();
        try {
            String keyset = secrets.read(KEY).orElse(null);
            String identity = storeIdentity.get();
            byte[] context = associatedData(identity);
            secrets.delete(KEY);
            if (keyset == null) {
                log.warn("snapshot: the saved graph has no key in the secrets directory; reading the store");
                return null;
            }
            StreamingAead aead = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            SnapshotFormat.Saved saved;
            try (InputStream in = aead.newDecryptingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20),
                    context)) {
                saved = SnapshotFormat.read(new BufferedInputStream(in, 1 << 16));
            }
            if (!identity.equals(saved.storeIdentity())) {
                // The associated data already binds the store; this says so plainly should it ever not.
                throw new IOException("saved from another store");
            }
            GraphData data = saved.data();
            log.info("snapshot: took {} nodes and {} ties at graph version {} saved when civnet stopped, in {} ms",
                    data.nodeCount(), data.tieCount(), data.graphVersion(), (System.nanoTime() - started) / 1_000_000);
            return data;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("snapshot: the graph saved when civnet stopped cannot be used ({}); reading the store",
                    e.getClass().getSimpleName());
            return null;
        } finally {
            deleteQuietly(file);
        }
    }

    private static byte[] associatedData(String storeIdentity) {
        byte[] store = storeIdentity.getBytes(StandardCharsets.UTF_8);
        byte[] ad = java.util.Arrays.copyOf(CONTEXT, CONTEXT.length + store.length);
        System.arraycopy(store, 0, ad, CONTEXT.length, store.length);
        return ad;
    }

    private static void createOwnerOnly(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }

    /** Deletes, or says why not: a file left behind is unreadable without the key deleted first. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("snapshot: cannot delete {} ({})", path, e.toString());
        }
    }
}
