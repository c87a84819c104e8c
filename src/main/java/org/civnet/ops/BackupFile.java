package org.civnet.ops;

import java.util.List;

import org.civnet.network.NetworkDocument;
import org.civnet.security.AuditLog;

/**
 * The content of one backup file: the network document (the import format), every user with its
 * BCrypt hash, the audit log and the pseudonym key (so that pseudonyms stay the same after a
 * restore). API tokens are not kept: programs get new ones after a restore.
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
        List<User> users,
        List<AuditLog.Entry> auditLog,
        String pseudonymKey,
        List<RecordedBy> recordedBy) {

    public BackupFile {
        users = users == null ? List.of() : users;
        auditLog = auditLog == null ? List.of() : auditLog;
        recordedBy = recordedBy == null ? List.of() : recordedBy;
    }

    /** Who recorded a node or an introduction (the history and the handover are built on it). */
    public record RecordedBy(String id, String user) {
    }

    @Override
    public String toString() {
        return "BackupFile[" + format + " v" + version + ", " + createdAt + ", graph version " + graphVersion + ", "
                + users.size() + " users, " + auditLog.size() + " audit entries]";
    }

    /** A user as stored: the BCrypt hash, never a password. */
    public record User(String username, String passwordHash, String role, String createdAt) {
        @Override
        public String toString() {
            return "User[" + username + ", " + role + "]";
        }
    }
}
