package org.civnet.ops;

import java.util.List;

import org.civnet.network.FieldKeys;
import org.civnet.network.NetworkDocument;
import org.civnet.network.Provenance;
import org.civnet.security.AuditLog;
import org.civnet.security.UserAccounts;

/**
 * The content of one backup file: the network document (the import format), who recorded each node,
 * every user with its BCrypt hash, the audit log and the pseudonym key (so that pseudonyms stay the
 * same after a restore). Each part is exported and restored by the module that owns it; API tokens
 * are not kept: programs get new ones after a restore.
 *
 * <p>Contacts' channels and notes are not in {@code network} in clear text: they are in
 * {@code sealedFields}, sealed under each person's data key, and the data keys are not in the backup
 * (see network/PersonKeys): destroying a person's key (an erasure) makes their channels and notes in
 * every backup unreadable. Backups written before (no {@code sealedFields}) carry them in the network
 * document and still restore.
 *
 * @param format       always {@value BackupService#FORMAT}
 * @param version      {@value BackupService#VERSION} inside an encrypted file ({@link BackupCipher});
 *                     {@value BackupService#PLAIN_VERSION} in the plain JSON files written before
 * @param createdAt    when the backup was taken (UTC, ISO-8601)
 * @param graphVersion the graph version the network was read at
 */
public record BackupFile(
        String format,
        int version,
        String createdAt,
        long graphVersion,
        NetworkDocument network,
        List<UserAccounts.StoredUser> users,
        List<AuditLog.Entry> auditLog,
        String pseudonymKey,
        List<Provenance.RecordedBy> recordedBy,
        List<FieldKeys.SealedFields> sealedFields) {

    public BackupFile {
        sealedFields = sealedFields == null ? List.of() : sealedFields;
        users = users == null ? List.of() : users;
        auditLog = auditLog == null ? List.of() : auditLog;
        recordedBy = recordedBy == null ? List.of() : recordedBy;
    }

    @Override
    public String toString() {
        return "BackupFile[" + format + " v" + version + ", " + createdAt + ", graph version " + graphVersion + ", "
                + users.size() + " users, " + auditLog.size() + " audit entries]";
    }
}
