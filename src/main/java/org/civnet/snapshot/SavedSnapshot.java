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
import java.security.GeneralSecurityException;

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
 * <p>When civnet stops, the graph it holds (brought to the store's last version by the caller) is
 * written to {@value #FILE} in the embedded store's data directory, encrypted with Tink's streaming
 * AEAD (AES-256-GCM-HKDF in 1 MiB segments) under a key made for this one file, then the key is
 * written to the secrets directory ({@value #KEY}): a file without its key is harmless, so that
 * order leaves nothing readable should civnet be killed in between. The associated data binds it to
 * the store's identity, and its header names the version and when that version's write committed,
 * so a graph of another store, or of another history of this one (a copy rolled back and written
 * again), is not taken for the current one.
 *
 * <p>As civnet starts (this bean's construction, before anything reads the graph), the key is read
 * into memory and deleted: from then on the file on disk is unreadable, and so is any copy of it.
 * The first need of the graph takes the file with that key and deletes it. A file that does not
 * open (another store or history, tampered with, cut short, no key) is logged, deleted, and the store
 * read whole. With the setting off, or an external store (whose replicas keep no state on disk),
 * anything saved before is deleted at start.
 */
@Component
public class SavedSnapshot {

    static final String FILE = "civnet-snapshot.bin";
    static final String KEY = "snapshot-key.json";
    private static final String PARTIAL = "." + FILE + ".part";
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
    private final Path partial;
    private final SecretsDirectory secrets;
    /** The key of the file saved when civnet last stopped, held from start-up until the file is taken. */
    private String key;

    public SavedSnapshot(CivnetProperties properties) {
        Path data = properties.neo4j().dataDirectory();
        this.enabled = properties.analysis().saveOnStop() && !properties.neo4j().external();
        this.file = data.resolve(FILE);
        this.partial = data.resolve(PARTIAL);
        this.secrets = SecretsDirectory.at(properties.secretsDirectory(), data);
        this.key = enabled ? secrets.read(KEY).orElse(null) : null;
        secrets.delete(KEY);
        deleteQuietly(partial);
        if (key == null) {
            deleteQuietly(file);
        }
    }

    /** Whether graphs are saved and taken here (the setting on, and the embedded store). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Writes {@code data}, read from the store {@code store} reads, over any earlier file; nothing
     * when it cannot (logged).
     */
    public synchronized void save(GraphData data, SnapshotReader store) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try {
            String stamp = store.versionStamp(data.graphVersion());
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            StreamingAead aead = handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            Files.deleteIfExists(partial);
            SecretsDirectory.createOwnerOnly(partial);
            try (OutputStream raw = Files.newOutputStream(partial);
                 OutputStream out = aead.newEncryptingStream(new BufferedOutputStream(raw, 1 << 20),
                         associatedData(store.storeIdentity()))) {
                SnapshotFormat.write(data, stamp, new BufferedOutputStream(out, 1 << 16));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            secrets.write(KEY, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
            log.info("snapshot: saved {} nodes and {} ties at graph version {} for the next start in {} ms",
                    data.nodeCount(), data.tieCount(), data.graphVersion(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("snapshot: not saved for the next start ({})", e.getClass().getSimpleName());
            discard();
        }
    }

    /**
     * The graph saved when civnet last stopped, if it was saved from the store and history
     * {@code store} reads and opens; the file is deleted either way. Only once per start.
     */
    public synchronized GraphData take(SnapshotReader store) {
        String keyset = key;
        key = null;
        if (keyset == null || !Files.exists(file)) {
            return null;
        }
        long started = System.nanoTime();
        try {
            StreamingAead aead = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            SnapshotFormat.Saved saved;
            // The plain text is shorter than the file: a bound for every count the format reads.
            long maxBytes = Files.size(file);
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = aead.newDecryptingStream(new BufferedInputStream(raw, 1 << 20),
                         associatedData(store.storeIdentity()))) {
                saved = SnapshotFormat.read(new BufferedInputStream(in, 1 << 16), maxBytes);
            }
            GraphData data = saved.data();
            // The associated data has bound the store; the stamp binds its history.
            if (!store.versionStamp(data.graphVersion()).equals(saved.versionStamp())) {
                throw new IOException("saved from another history of this store");
            }
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

    /** Deletes what is saved, when civnet stops without saving: a file never taken must not outlive the run. */
    public synchronized void discard() {
        key = null;
        secrets.delete(KEY);
        deleteQuietly(partial);
        deleteQuietly(file);
    }

    private static byte[] associatedData(String storeIdentity) {
        byte[] store = storeIdentity.getBytes(StandardCharsets.UTF_8);
        byte[] ad = java.util.Arrays.copyOf(CONTEXT, CONTEXT.length + store.length);
        System.arraycopy(store, 0, ad, CONTEXT.length, store.length);
        return ad;
    }

    /** Deletes, or says why not: a file left behind is unreadable without its key, deleted first. */
    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("snapshot: cannot delete {} ({})", path, e.getClass().getSimpleName());
        }
    }
}
