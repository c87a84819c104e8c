package org.civnet.ops;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.ConflictException;
import org.civnet.erasure.ErasureService;
import org.civnet.network.Contact;
import org.civnet.network.FieldKeys;
import org.civnet.network.ImportReport;
import org.civnet.domain.InvalidInputException;
import org.civnet.network.NetworkDocument;
import org.civnet.network.NetworkExporter;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.civnet.network.Provenance;
import org.civnet.domain.NotFoundException;
import org.civnet.domain.Timestamps;
import org.civnet.security.AuditLog;
import org.civnet.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Backups to, and restores from, files in one configured directory ({@code civnet.backup.directory}).
 * A backup holds the whole network, the users with their BCrypt hashes, the audit log and the
 * pseudonym key ({@link BackupFile}), so it is only ever written encrypted ({@link BackupCipher},
 * {@code .cvbk}) under {@code civnet.backup.passphrase}; without a passphrase no backup is taken.
 * Version-1 backups (plain JSON, {@code .json}) written before encryption still restore. Files are
 * created readable by their owner only.
 *
 * <p>A restore goes only into an empty store (no network nodes), so it can never mix two networks or
 * overwrite what someone recorded; it reads only plain file names inside the directory, and an
 * encrypted file is authenticated as a whole before anything of it is parsed or written.
 *
 * <p>Memory: the backup is serialised to one byte array and encrypted in one call (and a restore
 * reads, then decrypts, the whole file), so either holds about twice the backup's size in heap, on
 * top of the network read into memory. Acceptable for the sizes civnet serves; arrays cap a backup at
 * about 2 GB.
 */
@Service
public class BackupService {

    static final String FORMAT = "civnet-backup";
    /** Version of the content civnet writes now: the same document as version 1, inside an encrypted file. */
    static final int VERSION = BackupCipher.VERSION;
    /** Plain JSON backups, written before encryption; still restored. */
    static final int PLAIN_VERSION = 1;
    static final String ENCRYPTED_EXTENSION = ".cvbk";
    /** A plain file name: no separators, no leading dot, so it cannot leave the directory. */
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.(cvbk|json)");
    private static final DateTimeFormatter NAME = DateTimeFormatter
            .ofPattern("'civnet-backup-'yyyyMMdd'T'HHmmss.SSS'Z" + ENCRYPTED_EXTENSION + "'").withZone(ZoneOffset.UTC);
    private static final String NO_PASSPHRASE = "no backup passphrase is configured: set CIVNET_BACKUP_PASSPHRASE "
            + "(civnet.backup.passphrase, at least " + BackupCipher.MIN_PASSPHRASE_LENGTH + " characters, kept apart "
            + "from the backups) and restart civnet";
    /** Writes racing the backup may change the network between its reads; it is retried this often. */
    private static final int CONSISTENT_READ_ATTEMPTS = 3;
    /** A refused restore lists this many refused rows, then counts the rest. */
    private static final int REFUSED_ROWS_SHOWN = 100;

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    /** What a backup wrote. */
    public record BackupResult(@Sensitivity(SAFE) String file, long bytes, long graphVersion, @Sensitivity(SAFE) Map<String, Integer> counts) {
    }

    /** What a restore did. */
    /**
     * What a restore did. {@code erasedAgain}: the tombstones of people the backup held who were erased
     * after it was taken (the secrets directory's erasure register says so), erased again as part of the
     * restore. {@code unreadableContacts}: restored contacts whose channels and notes no key opens any
     * more though they are not known to be erased (their data key is missing, e.g. an older secrets
     * directory); those fields are absent from the restored contacts.
     */
    public record RestoreResult(@Sensitivity(SAFE) String file, ImportReport network, int usersCreated, int usersKept,
                                int auditEntriesRestored, boolean pseudonymKeyRestored,
                                @Sensitivity(SAFE) List<String> erasedAgain,
                                @Sensitivity(SAFE) List<String> unreadableContacts) {
    }

    /** A backup file in the directory. */
    public record Listing(@Sensitivity(SAFE) String file, long bytes, @Sensitivity(SAFE) String modifiedAt) {
    }

    private final Path directory;
    private final NetworkStore store;
    private final NetworkExporter exporter;
    private final NetworkImporter importer;
    private final Provenance provenance;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final FieldKeys fieldKeys;
    private final ObjectMapper json;
    private final ErasureService erasures;
    /** Null when no passphrase is configured: then backups are refused, never written in plain text. */
    private final BackupCipher cipher;

    public BackupService(CivnetProperties properties, NetworkStore store, NetworkExporter exporter,
                         NetworkImporter importer, Provenance provenance, UserAccounts accounts, AuditLog audit,
                         FieldKeys fieldKeys, ObjectMapper json, ErasureService erasures) {
        this.directory = properties.backup().directory().toAbsolutePath().normalize();
        this.store = store;
        this.exporter = exporter;
        this.importer = importer;
        this.provenance = provenance;
        this.accounts = accounts;
        this.audit = audit;
        this.fieldKeys = fieldKeys;
        this.json = json;
        this.erasures = erasures;
        this.cipher = properties.backup().encrypted() ? new BackupCipher(properties.backup().passphrase()) : null;
    }

    public Path directory() {
        return directory;
    }

    // ---- backup -----------------------------------------------------------------------------

    public synchronized BackupResult backup() {
        if (cipher == null) {
            throw new ConflictException("backups are encrypted and " + NO_PASSPHRASE + "; nothing was written");
        }
        BackupFile content = consistentContent();
        String name = NAME.format(Instant.now());
        Path target = directory.resolve(name);
        try {
            byte[] encrypted = encrypt(content);
            createDirectory();
            if (Files.exists(target)) {
                throw new ConflictException("a backup named " + name + " already exists; try again");
            }
            Path partial = directory.resolve("." + name + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(ownerOnly(partial))) {
                    out.write(encrypted);
                }
                // Readers (a restore, a copy job) never see a half-written file.
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            long bytes = Files.size(target);
            AuditLog.Entry head = content.auditLog().isEmpty() ? null : content.auditLog().get(content.auditLog().size() - 1);
            // The head in the log too: an operator anchors it outside civnet (see the README's audit section).
            log.info("backup: wrote {} ({} bytes, encrypted) at graph version {}, audit head seq {} hash {}", name, bytes,
                    content.graphVersion(), head == null ? 0 : head.seq(), head == null ? "-" : head.hash());
            return new BackupResult(name, bytes, content.graphVersion(), counts(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup to " + directory, e);
        }
    }

    /** The backup as it goes to disk; the plain text exists only in this method's array, wiped after use. */
    private byte[] encrypt(BackupFile content) throws JsonProcessingException {
        byte[] plain = json.writeValueAsBytes(content);
        try {
            return cipher.encrypt(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Map<String, Integer> counts(BackupFile content) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        NetworkDocument network = content.network();
        counts.put("contacts", network.contacts().size());
        counts.put("organisations", network.organisations().size());
        counts.put("mandates", network.mandates().size());
        counts.put("networks", network.networks().size());
        counts.put("ties", network.ties().size());
        counts.put("introductions", network.introductions().size());
        counts.put("users", content.users().size());
        counts.put("auditEntries", content.auditLog().size());
        return counts;
    }

    /** Reads the network until two graph versions around the read agree, so no write fell in between. */
    private BackupFile consistentContent() {
        // The secrets directory's copy of the data keys holds every key this backup's sealed fields need.
        fieldKeys.personKeys().writeKeyFile();
        for (int attempt = 1; attempt <= CONSISTENT_READ_ATTEMPTS; attempt++) {
            long before = store.graphVersion();
            NetworkDocument network = withoutSealedFields(exporter.document());
            List<FieldKeys.SealedFields> sealed = fieldKeys.sealedFields();
            if (store.graphVersion() == before) {
                return new BackupFile(FORMAT, VERSION, Timestamps.now(), before, network, accounts.storedUsers(), audit.all(),
                        accounts.storedPseudonymKey().orElse(null), provenance.all(), sealed);
            }
        }
        throw new ConflictException("the network kept changing while it was read; take the backup at a quieter moment");
    }

    /** The document without channels and notes in clear text: the backup keeps them sealed, apart. */
    private static NetworkDocument withoutSealedFields(NetworkDocument network) {
        List<Contact> contacts = network.contacts().stream().map(c -> new Contact(c.id(), c.name(), c.kind(), c.country(),
                c.region(), c.themes(), c.riskLevel(), c.consentToIntroduce(), c.consent(), c.confidential(), null, null,
                c.responsibleOfficer(), c.createdAt(), c.updatedAt())).toList();
        return new NetworkDocument(contacts, network.organisations(), network.mandates(), network.networks(),
                network.communications(), network.countryVisits(), network.trainings(), network.ties(),
                network.introductions());
    }

    // ---- restore ----------------------------------------------------------------------------

    public synchronized RestoreResult restore(String fileName) {
        Path file = resolve(fileName);
        if (!store.isEmpty()) {
            throw new ConflictException("a restore needs an empty store, and this one holds a network; start civnet on a "
                    + "new data directory (or an empty Neo4j database) and restore there");
        }
        BackupFile backup = readBackup(file, fileName);
        Map<String, String> recorders = new HashMap<>();
        backup.recordedBy().forEach(r -> recorders.put(r.id(), r.user()));
        NetworkDocument network = backup.network().withResponsibleOfficers(recorders::get);
        refuseRejectedRows(importer.importDocument(network, true), fileName);
        ImportReport report = importer.importDocument(network, false);
        List<String> unreadable = List.copyOf(fieldKeys.restoreSealed(backup.sealedFields()));
        provenance.restore(backup.recordedBy());
        int created = accounts.restore(backup.users());
        int audited = audit.restore(backup.auditLog());
        boolean keyRestored = backup.pseudonymKey() != null && accounts.restorePseudonymKey(backup.pseudonymKey());
        // Last, with the audit chain and the pseudonym key in place: each erasure again is audited as one.
        List<String> restoredContacts = network.contacts().stream().map(Contact::id).toList();
        Map<String, String> erased = erasures.eraseAgain(restoredContacts);
        List<String> erasedAgain = List.copyOf(erased.values());
        List<String> unreadableLeft = unreadable.stream().filter(id -> !erased.containsKey(id)).toList();
        log.info("restore: {} restored ({} rows refused), {} users created, {} audit entries, {} people erased since the "
                + "backup erased again, {} contacts whose channels and notes no key opens", fileName, report.rejectedTotal(),
                created, audited, erasedAgain.size(), unreadableLeft.size());
        return new RestoreResult(fileName, report, created, backup.users().size() - created, audited, keyRestored,
                erasedAgain, unreadableLeft);
    }

    /**
     * The backup in a file, checked before anything is written: an encrypted one is decrypted and
     * authenticated whole first; a plain one must be of version 1.
     */
    private BackupFile readBackup(Path file, String fileName) {
        boolean encrypted = fileName.endsWith(ENCRYPTED_EXTENSION);
        if (encrypted && cipher == null) {
            throw new ConflictException("'" + fileName + "' is encrypted and " + NO_PASSPHRASE
                    + " (the passphrase the backup was written with); nothing was restored");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        BackupFile backup = parse(encrypted ? decrypt(bytes, fileName) : bytes, fileName);
        int expected = encrypted ? VERSION : PLAIN_VERSION;
        if (backup == null || !FORMAT.equals(backup.format()) || backup.version() != expected || backup.network() == null) {
            throw new InvalidInputException("file", "'" + fileName + "' is not a civnet backup of format version " + expected);
        }
        checkParts(backup, fileName);
        return backup;
    }

    /** The parts the importer does not check, each by the module that owns it, before anything is written. */
    private static void checkParts(BackupFile backup, String fileName) {
        try {
            UserAccounts.check(backup.users(), "users");
            AuditLog.check(backup.auditLog(), "auditLog");
            if (backup.pseudonymKey() != null) {
                UserAccounts.checkPseudonymKey(backup.pseudonymKey(), "pseudonymKey");
            }
            for (Provenance.RecordedBy recorded : backup.recordedBy()) {
                if (recorded.id() == null || recorded.user() == null) {
                    throw new InvalidInputException("recordedBy", "holds an entry without id or user");
                }
            }
        } catch (InvalidInputException e) {
            InvalidInputException.FieldProblem problem = e.problems().get(0);
            throw new InvalidInputException(problem.field(), "'" + fileName + "' " + problem.reason()
                    + "; nothing was restored");
        }
    }

    /** A restore is all or nothing: any row the importer would refuse refuses the whole file first. */
    private static void refuseRejectedRows(ImportReport dryRun, String fileName) {
        if (dryRun.rejected().isEmpty()) {
            return;
        }
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (ImportReport.RejectedRow row : dryRun.rejected().subList(0, Math.min(REFUSED_ROWS_SHOWN, dryRun.rejected().size()))) {
            problems.add(new InvalidInputException.FieldProblem("network." + row.file() + "[" + row.row() + "]",
                    (row.id() == null ? "" : row.id() + ": ") + row.reason()));
        }
        problems.add(new InvalidInputException.FieldProblem("file", "'" + fileName + "' holds " + dryRun.rejected().size()
                + " row(s) the importer refuses; nothing was restored"));
        throw new InvalidInputException(problems);
    }


    private byte[] decrypt(byte[] file, String fileName) {
        try {
            return cipher.decrypt(file);
        } catch (BackupCipher.UndecryptableException e) {
            throw new InvalidInputException("file", "'" + fileName + "' " + e.getMessage() + "; nothing was restored");
        }
    }

    private BackupFile parse(byte[] content, String fileName) {
        try {
            return json.readValue(content, BackupFile.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("file", "'" + fileName + "' is not a readable civnet backup: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }




    // ---- files ------------------------------------------------------------------------------

    /** The backups in the directory, newest first. */
    public List<Listing> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .map(f -> {
                        try {
                            return new Listing(f.getFileName().toString(), Files.size(f),
                                    Timestamps.format(Files.getLastModifiedTime(f).toInstant()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted((a, b) -> b.modifiedAt().compareTo(a.modifiedAt()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * The file a client names, only if it is a plain name of a regular file inside the directory
     * (also after following links), so a request can never read anything else on the machine.
     */
    Path resolve(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new InvalidInputException("file", "must be the plain name of a backup in the backup directory "
                    + "(letters, digits, '.', '_', '-', ending in .cvbk, or .json for an unencrypted version-1 backup), as "
                    + "POST /api/admin/backup returned it");
        }
        Path candidate = directory.resolve(fileName).normalize();
        try {
            if (!candidate.getParent().equals(directory)
                    || !candidate.toRealPath().startsWith(directory.toRealPath())
                    || !Files.isRegularFile(candidate)) {
                throw new InvalidInputException("file", "must name a file inside the backup directory");
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException("backup", fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candidate;
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException | AccessDeniedException e) {
                // Not a POSIX file system, or not ours to change: the files themselves are still owner-only.
            }
        }
    }

    private static Path ownerOnly(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            Files.delete(file);
            return ownerOnly(file);
        }
    }


}
