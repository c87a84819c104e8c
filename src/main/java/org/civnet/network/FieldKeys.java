package org.civnet.network;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;
import org.civnet.neo4j.Transactions;
import org.civnet.secrets.FieldCipher;
import org.civnet.secrets.SecretsDirectory;
import org.civnet.secrets.StartupRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The field key of this deployment, and the contact fields it seals: {@code channels} (how to reach
 * a person) and {@code notes} (what is known of them) are stored only as {@link FieldCipher}
 * ciphertext, so a copy of the data directory, transaction logs included, does not reveal them.
 *
 * <p>At start-up the keyset comes from {@code civnet.field-key}, else from the secrets directory;
 * an embedded store without either gets a new one there, an external store is refused. A known
 * value kept in the store under the key ({@code field-key-check}) proves that the key is this store's:
 * a store started with another key, or without its secrets, is refused rather than given new keys
 * over data it could no longer read.
 *
 * <p>The field key does not seal the fields itself: it wraps one data key per contact
 * ({@link PersonKeys}), under which that person's channels and notes are sealed, so that destroying
 * the data key (an erasure) makes them unreadable in every copy (crypto-shredding). Values still in
 * clear text, or sealed under the field key itself (a store from before), are re-sealed under their
 * person's key at start-up; the migration is idempotent.
 */
@Component
public class FieldKeys {

    static final String CHECK_VALUE = "civnet field key check";
    private static final String CHECK_CONTEXT = "Secret/field-key-check";
    private static final int BATCH = 1_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(FieldKeys.class);

    /** What re-encryption under the primary key did. */
    /**
     * What a rotation did: {@code contactsReencrypted} counts the people whose data key was wrapped
     * anew under the primary key (their channels and notes stay sealed under their own data key).
     */
    public record Rotation(@Sensitivity(SAFE) String primaryKeyId, long contactsReencrypted, boolean keysetWritten) {
    }


    private final Transactions transactions;
    private final SecretsDirectory secrets;
    private final boolean keysetFromFile;
    private final boolean rotatesInPlace;
    private final ObjectMapper json = new ObjectMapper();
    private volatile FieldCipher cipher;
    private final PersonKeys personKeys;

    public FieldKeys(CivnetProperties properties, Transactions transactions) {
        this.transactions = transactions.require("secrets/field-key-check", "secrets/set-field-key-check",
                "secrets/stale-contact-fields", "secrets/set-contact-fields", "secrets/sealed-contact-fields");
        this.secrets = SecretsDirectory.at(properties.secretsDirectory(), properties.neo4j().dataDirectory());
        String configured = properties.fieldKey();
        this.keysetFromFile = configured == null || configured.isBlank();
        // Only an embedded store's own keyset file is rotated in place: replicas of an external store
        // share one keyset, and a key made by one of them would leave the others unable to read.
        this.rotatesInPlace = keysetFromFile && !properties.neo4j().external();
        String source = keysetFromFile ? secrets.file(SecretsDirectory.FIELD_KEYS).toString() : "civnet.field-key";
        FieldCipher found = keysetFromFile ? secrets.read(SecretsDirectory.FIELD_KEYS).map(k -> parse(k, source)).orElse(null)
                : parse(configured, source);
        String check = read("secrets/field-key-check", Map.of()).stream().map(r -> (String) r.get("value"))
                .findFirst().orElse(null);
        if (found == null) {
            found = firstKey(properties, check, source);
        } else if (check != null && !opensCheck(found, check)) {
            throw new StartupRefusal("the field key in " + source + " does not open this store's encrypted fields: "
                    + "give civnet the keyset it was started with (civnet.field-key, or field-keys.json in the secrets directory)");
        }
        this.cipher = found;
        this.personKeys = new PersonKeys(transactions, () -> cipher, secrets);
        if (check == null || !check.startsWith(found.primaryPrefix())) {
            write("secrets/set-field-key-check", Map.of("value", found.encrypt(CHECK_VALUE, CHECK_CONTEXT)));
        }
        long rewrapped = personKeys.rewrapStale(found.primaryPrefix());
        long migrated = reencryptStale();
        if (migrated + rewrapped > 0) {
            log.info("field key: sealed the channels and notes of {} contacts under their own data key (stored in clear "
                    + "text or under the field key before); {} data keys wrapped under the primary key", migrated, rewrapped);
        }
        personKeys.writeKeyFile();
    }

    private FieldCipher firstKey(CivnetProperties properties, String check, String source) {
        if (check != null) {
            throw new StartupRefusal("this store's channels and notes are encrypted, and " + source + " is missing: "
                    + "restore the secrets directory (civnet.secrets-directory), or set civnet.field-key to its keyset");
        }
        if (properties.neo4j().external()) {
            throw new StartupRefusal("an external Neo4j needs the field key: set CIVNET_FIELD_KEY to a Tink JSON keyset, "
                    + "or put it in " + source + " (copy it from the civnet that created the store)");
        }
        FieldCipher generated = FieldCipher.generate();
        secrets.write(SecretsDirectory.FIELD_KEYS, generated.keysetJson());
        log.info("field key: generated a new keyset in {}; back the secrets directory up apart from the data and the "
                + "backups: without it, channels and notes cannot be read", source);
        return generated;
    }

    private static FieldCipher parse(String keyset, String source) {
        try {
            return FieldCipher.parse(keyset);
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(source + " is not a Tink JSON keyset of AES-SIV keys");
        }
    }

    private static boolean opensCheck(FieldCipher candidate, String check) {
        try {
            return CHECK_VALUE.equals(candidate.decrypt(check, CHECK_CONTEXT));
        } catch (FieldCipher.UnreadableFieldException e) {
            return false;
        }
    }

    /**
     * Makes a new primary key (when the keyset is an embedded store's file in the secrets directory; a
     * keyset shared by the replicas of an external store, or given in {@code civnet.field-key}, is
     * rotated by giving every instance one with a new primary key and restarting them) and re-encrypts
     * every contact's fields under the primary key.
     */
    public synchronized Rotation rotate() {
        boolean written = false;
        if (rotatesInPlace) {
            FieldCipher next = cipher.rotated();
            secrets.write(SecretsDirectory.FIELD_KEYS, next.keysetJson());
            cipher = next;
            written = true;
        }
        write("secrets/set-field-key-check", Map.of("value", cipher.encrypt(CHECK_VALUE, CHECK_CONTEXT)));
        long count = personKeys.rewrapStale(cipher.primaryPrefix());
        reencryptStale();
        personKeys.writeKeyFile();
        log.info("field key: primary key {}, {} contacts re-encrypted", cipher.primaryKeyId(), count);
        return new Rotation(cipher.primaryKeyId(), count, written);
    }

    private long reencryptStale() {
        long total = 0;
        while (true) {
            List<Map<String, Object>> stale = read("secrets/stale-contact-fields",
                    Map.of("prefix", PersonKeys.PREFIX, "limit", BATCH));
            if (stale.isEmpty()) {
                return total;
            }
            personKeys.ensure(stale.stream().map(c -> (String) c.get("id")).toList());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> contact : stale) {
                Map<String, Object> open = openStrictly((String) contact.get("id"), contact);
                Map<String, Object> sealed = seal((String) contact.get("id"), open);
                Map<String, Object> row = new HashMap<>();
                row.put("id", contact.get("id"));
                row.put("channels", sealed.get("channels"));
                row.put("notes", sealed.get("notes"));
                rows.add(row);
            }
            write("secrets/set-contact-fields", Map.of("rows", rows));
            total += rows.size();
        }
    }

    /** A contact's properties as stored: channels and notes replaced by their ciphertext under the person's data key. */
    Map<String, Object> seal(String id, Map<String, Object> properties) {
        Map<String, Object> out = new HashMap<>(properties);
        Object channels = out.remove("channels");
        Object notes = out.remove("notes");
        boolean anyChannel = channels instanceof List<?> list && !list.isEmpty();
        if (!anyChannel && !(notes instanceof String)) {
            return out;
        }
        FieldCipher key = personKeys.keyOf(id);
        if (anyChannel) {
            try {
                out.put("channels", sealWith(key, json.writeValueAsString(channels), context(id, "channels")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (notes instanceof String text) {
            out.put("notes", sealWith(key, text, context(id, "notes")));
        }
        return out;
    }

    /**
     * A contact's stored properties with channels and notes in clear text. Values whose data key was
     * destroyed (the person was erased, and this is a restored copy) come back as absent: never an
     * error (a restore reports them).
     */
    Map<String, Object> open(String id, Map<String, Object> stored) {
        try {
            return openStrictly(id, stored);
        } catch (FieldCipher.UnreadableFieldException e) {
            Map<String, Object> out = new HashMap<>(stored);
            out.remove("channels");
            out.remove("notes");
            return out;
        }
    }

    /** As {@link #open}, but a value no key opens is an error (the start-up migration never drops one). */
    private Map<String, Object> openStrictly(String id, Map<String, Object> stored) {
        Map<String, Object> out = new HashMap<>(stored);
        Object channels = out.get("channels");
        if (channels instanceof String sealed) {
            try {
                out.put("channels", json.readValue(openValue(id, sealed, "channels"), STRINGS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the channels of " + id + " are not a list", e);
            }
        }
        if (out.get("notes") instanceof String sealed) {
            out.put("notes", openValue(id, sealed, "notes"));
        }
        return out;
    }

    /** Loads the data keys of these stored contacts in one read (a list opens without a read per contact). */
    void preload(org.civnet.domain.NodeLabel label, List<Map<String, Object>> stored) {
        if (label == org.civnet.domain.NodeLabel.Contact) {
            personKeys.load(stored.stream().map(p -> (String) p.get("id")).toList());
        }
    }

    /** Makes the data keys of the contacts among these records in one write (an import seals without a write each). */
    void prepare(List<?> records) {
        personKeys.ensure(records.stream().filter(r -> r instanceof Contact c
                        && (c.notes() != null || (c.channels() != null && !c.channels().isEmpty())))
                .map(r -> ((Contact) r).id()).toList());
    }

    /** The person keys: for erasure (forget one) and restore (put back the ones the secrets directory keeps). */
    public PersonKeyAccess personKeys() {
        return new PersonKeyAccess();
    }

    /** What other features may do with the data keys, and nothing more. */
    public final class PersonKeyAccess {
        /** After an erasure committed: forget the key in memory, and rewrite the secrets directory's copy without it. */
        public void forgotten(String contact) {
            personKeys.forget(contact);
            personKeys.writeKeyFile();
        }

        /** Before a backup: the secrets directory's copy holds every key the backup's values need. */
        public void writeKeyFile() {
            personKeys.writeKeyFile();
        }

        /** After a restore wrote sealed values: the contacts whose key is found (the others stay unreadable). */
        public java.util.Set<String> restore(java.util.Collection<String> contacts) {
            return personKeys.restore(contacts);
        }
    }

    /** A contact's channels and notes as stored: ciphertext under the person's data key, for a backup. */
    public record SealedFields(@Sensitivity(SAFE) String id, @Sensitivity(SAFE) String channels,
                               @Sensitivity(SAFE) String notes) {
    }

    /** Every contact's sealed channels and notes (a backup holds these, never the clear text nor the keys). */
    public List<SealedFields> sealedFields() {
        return transactions.read("secrets/sealed-contact-fields", Map.of(), r -> new SealedFields(r.get("id").asString(),
                r.get("channels").asString(null), r.get("notes").asString(null)));
    }

    /**
     * Writes sealed values back as they are (a restore, after the network), puts back the data keys
     * the secrets directory keeps, and returns the contacts whose values no key opens any more: people
     * erased since the backup was taken.
     */
    public java.util.Set<String> restoreSealed(List<SealedFields> sealed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SealedFields fields : sealed) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", fields.id());
            row.put("channels", fields.channels());
            row.put("notes", fields.notes());
            rows.add(row);
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            write("secrets/set-contact-fields", Map.of("rows", rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
        List<String> ids = sealed.stream().filter(f -> isPersonSealed(f.channels()) || isPersonSealed(f.notes()))
                .map(SealedFields::id).toList();
        java.util.Set<String> keyed = personKeys.restore(ids);
        java.util.Set<String> unreadable = new java.util.TreeSet<>(ids);
        unreadable.removeAll(keyed);
        personKeys.writeKeyFile();
        return unreadable;
    }

    private static boolean isPersonSealed(String value) {
        return value != null && value.startsWith(PersonKeys.PREFIX);
    }

    private static String sealWith(FieldCipher key, String plaintext, String context) {
        return PersonKeys.PREFIX + key.encryptBare(plaintext, context);
    }

    private String openValue(String id, String stored, String field) {
        String context = context(id, field);
        if (stored.startsWith(PersonKeys.PREFIX)) {
            FieldCipher key = personKeys.existingKeyOf(id).orElseThrow(() -> new FieldCipher.UnreadableFieldException(context));
            return key.decryptBare(stored.substring(PersonKeys.PREFIX.length()), context);
        }
        return cipher.decrypt(stored, context);
    }

    /** Ties each ciphertext to one person's field, so it cannot be moved to another and still open. */
    private static String context(String id, String field) {
        return "Contact/" + id + "/" + field;
    }

    private List<Map<String, Object>> read(String statement, Map<String, Object> params) {
        return transactions.read(statement, params, r -> r.asMap());
    }

    private void write(String statement, Map<String, Object> params) {
        transactions.run(statement, params);
    }
}
