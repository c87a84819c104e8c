package org.civnet.ops;

import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.civnet.domain.ConflictException;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.NotFoundException;
import org.civnet.security.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "operations")
class BackupController {

    record RestoreRequest(@NotBlank @Size(max = 255) String file) {
    }

    private final BackupService backups;
    private final AuditLog audit;

    BackupController(BackupService backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write an encrypted backup (network, users with password hashes, audit log) to the backup "
            + "directory (ADMIN); 409 if no backup passphrase is configured")
    BackupService.BackupResult backup() {
        BackupService.BackupResult result = backups.backup();
        audit.record(AuditLog.Action.BACKUP, result.file(), result.counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        return result;
    }

    @GetMapping("/api/admin/backups")
    @Operation(summary = "The backups in the backup directory, newest first (ADMIN)")
    List<BackupService.Listing> list() {
        return backups.list();
    }

    @PostMapping("/api/admin/restore")
    @Operation(summary = "Restore a backup file from the backup directory into an empty store (ADMIN); 409 if the "
            + "store holds a network, 400 if the file cannot be decrypted (wrong passphrase or damaged file)")
    BackupService.RestoreResult restore(@Valid @RequestBody RestoreRequest request) {
        try {
            BackupService.RestoreResult result = backups.restore(request.file());
            audit.record(AuditLog.Action.RESTORE, result.file(), "nodes and ties refused: " + result.network().rejectedTotal()
                    + ", users created " + result.usersCreated() + ", audit entries " + result.auditEntriesRestored());
            return result;
        } catch (InvalidInputException | NotFoundException | ConflictException e) {
            // Refused restores are audited too: a request for a file outside the directory is worth seeing.
            audit.record(AuditLog.Action.RESTORE, abbreviated(request.file()), "refused: " + e.getMessage());
            throw e;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
