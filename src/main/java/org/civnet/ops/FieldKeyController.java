package org.civnet.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civnet.network.FieldKeys;
import org.civnet.security.AuditLog;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "operations")
class FieldKeyController {

    private final FieldKeys fieldKeys;
    private final AuditLog audit;

    FieldKeyController(FieldKeys fieldKeys, AuditLog audit) {
        this.fieldKeys = fieldKeys;
        this.audit = audit;
    }

    @PostMapping("/api/admin/field-keys/rotate")
    @Operation(summary = "Rotate the field key (ADMIN): a new primary key in the secrets directory's keyset (or the "
            + "primary of civnet.field-key), and every contact's channels and notes re-encrypted under it")
    FieldKeys.Rotation rotate() {
        FieldKeys.Rotation rotation = fieldKeys.rotate();
        audit.record(AuditLog.Action.FIELD_KEY_ROTATED, rotation.primaryKeyId(),
                "contacts re-encrypted: " + rotation.contactsReencrypted());
        return rotation;
    }
}
