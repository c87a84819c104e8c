package org.civnet.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.domain.Timestamps;
import org.civnet.neo4j.Transactions;
import org.civnet.secrets.FieldCipher;
import org.civnet.secrets.SecretsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data key per contact (crypto-shredding): a contact's channels and notes are sealed under a key
 * of their own (an AES-256-SIV Tink keyset), which is kept only wrapped by the field key, in
 * {@code PersonKey} nodes of the store. Destroying a person's data key (an erasure) makes their
 * channels and notes unreadable wherever a copy of the ciphertext is, every backup included.
 *
 * <p>That reaches old backups because backups do not hold the keys: a backup is the network document
 * and the sealed values, and {@code PersonKey} nodes are no network nodes. So that a backup can still be
 * restored onto a new data directory, the wrapped keys are also written to {@value #KEY_FILE} in the
 * secrets directory, which is backed up apart from the backups (as the field key is); that copy is
 * rewritten from the store after every erasure, backup and start-up, so an erased person's key
 * leaves it too. A restore finds each person's key in the store, else in that file.
 *
 * <p>Unwrapped keys are kept in memory by contact id; an erasure through this instance forgets the
 * person's at once.
 */
public final class PersonKeys {

    /** How a value sealed under a person's data key starts. */
    public static final String PREFIX = "penc:";
    static final String KEY_FILE = "person-keys.json";
    private static final TypeReference<Map<String, String>> WRAPPED = new TypeReference<>() {
    };
    private static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);

    private final Transactions transactions;
    private final Supplier<FieldCipher> fieldKey;
    private final SecretsDirectory secrets;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FieldCipher> open = new ConcurrentHashMap<>();

    PersonKeys(Transactions transactions, Supplier<FieldCipher> fieldKey, SecretsDirectory secrets) {
        this.transactions = transactions.require("secrets/ensure-person-keys", "secrets/person-keys",
                "secrets/all-person-keys", "secrets/stale-person-keys", "secrets/rewrap-person-keys");
        this.fieldKey = fieldKey;
        this.secrets = secrets;
    }

    /** The data key of this contact, made (and stored) now when it has none. */
    FieldCipher keyOf(String contact) {
        FieldCipher known = open.get(contact);
        return known != null ? known : ensure(List.of(contact)).get(contact);
    }

    /** The data key of this contact if it has one: none after an erasure (or a restore without the key). */
    Optional<FieldCipher> existingKeyOf(String contact) {
        FieldCipher known = open.get(contact);
        if (known == null) {
            load(List.of(contact));
            known = open.get(contact);
        }
        return Optional.ofNullable(known);
    }

    /** Makes sure each of these contacts has a data key, in one write; returns them all. */
    Map<String, FieldCipher> ensure(Collection<String> contacts) {
        Map<String, FieldCipher> out = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String contact : new LinkedHashSet<>(contacts)) {
            FieldCipher known = open.get(contact);
            if (known != null) {
                out.put(contact, known);
            } else {
                FieldCipher fresh = FieldCipher.generate();
                rows.add(Map.of("contact", contact, "wrapped", wrap(contact, fresh)));
            }
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            transactions.write("secrets/ensure-person-keys", Map.of("rows", batch, "now", Timestamps.now()),
                    r -> remember(r.get("contact").asString(), r.get("wrapped").asString()))
                    .forEach(c -> out.put(c, open.get(c)));
        }
        return out;
    }

    /** Reads the keys of these contacts that are not in memory yet (one read for many contacts). */
    void load(Collection<String> contacts) {
        List<String> missing = contacts.stream().filter(c -> c != null && !open.containsKey(c)).distinct().toList();
        for (int from = 0; from < missing.size(); from += BATCH) {
            transactions.read("secrets/person-keys", Map.of("ids", missing.subList(from, Math.min(missing.size(), from + BATCH))),
                    r -> remember(r.get("contact").asString(), r.get("wrapped").asString()));
        }
    }

    /** Forgets a person's data key in memory (the erasure deleted it from the store). */
    void forget(String contact) {
        open.remove(contact);
    }

    /**
     * Puts back the data keys of these contacts (a restore) that the store lacks, from the copy in the
     * secrets directory; returns the contacts that have a key afterwards.
     */
    Set<String> restore(Collection<String> contacts) {
        Set<String> keyed = new LinkedHashSet<>();
        for (int from = 0; from < contacts.size(); from += BATCH) {
            List<String> part = List.copyOf(contacts).subList(from, Math.min(contacts.size(), from + BATCH));
            keyed.addAll(transactions.read("secrets/person-keys", Map.of("ids", part),
                    r -> remember(r.get("contact").asString(), r.get("wrapped").asString())));
        }
        Map<String, String> copy = readKeyFile();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String contact : contacts) {
            String wrapped = copy.get(contact);
            if (!keyed.contains(contact) && wrapped != null && unwrapOrNull(contact, wrapped) != null) {
                rows.add(Map.of("contact", contact, "wrapped", wrapped));
            }
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            keyed.addAll(transactions.write("secrets/ensure-person-keys", Map.of("rows", rows.subList(from,
                    Math.min(rows.size(), from + BATCH)), "now", Timestamps.now()),
                    r -> remember(r.get("contact").asString(), r.get("wrapped").asString())));
        }
        // A key this instance still holds in memory but neither the store nor the copy has is no key.
        contacts.stream().filter(c -> !keyed.contains(c)).forEach(open::remove);
        return keyed;
    }

    /** Wraps every data key not wrapped under the primary field key with it; returns how many. */
    long rewrapStale(String primaryPrefix) {
        long total = 0;
        while (true) {
            List<Map<String, Object>> stale = transactions.read("secrets/stale-person-keys",
                    Map.of("prefix", primaryPrefix, "limit", BATCH), r -> r.asMap());
            if (stale.isEmpty()) {
                return total;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> key : stale) {
                String contact = (String) key.get("contact");
                FieldCipher opened = unwrap(contact, (String) key.get("wrapped"));
                rows.add(Map.of("contact", contact, "wrapped", wrap(contact, opened)));
            }
            transactions.run("secrets/rewrap-person-keys", Map.of("rows", rows));
            total += rows.size();
        }
    }

    /**
     * Writes the store's wrapped keys to {@value #KEY_FILE} in the secrets directory (replacing it):
     * after an erasure, so the erased key leaves the copy; before a backup, so every backup's keys are
     * in it. Left alone when the store holds no key (a new store waiting for a restore).
     */
    void writeKeyFile() {
        Map<String, String> all = new LinkedHashMap<>();
        transactions.read("secrets/all-person-keys", Map.of(), r -> all.put(r.get("contact").asString(),
                r.get("wrapped").asString()));
        if (all.isEmpty() && readKeyFile().isEmpty()) {
            return;
        }
        try {
            secrets.write(KEY_FILE, json.writeValueAsString(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (java.io.UncheckedIOException e) {
            // The keys are safe in the store; only a restore onto a new store needs the copy.
            log.warn("person keys: cannot write {} in the secrets directory ({}); a restore onto a new store will "
                    + "not find the data keys until it can", KEY_FILE, e.getMessage());
        }
    }

    private Map<String, String> readKeyFile() {
        return secrets.read(KEY_FILE).map(text -> {
            try {
                return json.readValue(text, WRAPPED);
            } catch (JsonProcessingException e) {
                log.warn("person keys: {} in the secrets directory is not readable; keys come from the store only", KEY_FILE);
                return Map.<String, String>of();
            }
        }).orElse(Map.of());
    }

    private String remember(String contact, String wrapped) {
        FieldCipher opened = unwrap(contact, wrapped);
        open.put(contact, opened);
        return contact;
    }

    private String wrap(String contact, FieldCipher key) {
        return fieldKey.get().encrypt(key.keysetJson(), context(contact));
    }

    private FieldCipher unwrap(String contact, String wrapped) {
        return FieldCipher.parse(fieldKey.get().decrypt(wrapped, context(contact)));
    }

    private FieldCipher unwrapOrNull(String contact, String wrapped) {
        try {
            return unwrap(contact, wrapped);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String context(String contact) {
        return "PersonKey/" + contact;
    }
}
