package org.civnet.erasure;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.config.CivnetProperties;
import org.civnet.secrets.SecretsDirectory;
import org.springframework.stereotype.Component;

/**
 * Who was erased, kept where a restore can see it: {@value #FILE} in the secrets directory, which is
 * backed up apart from the backups (as {@code person-keys.json} is), so a restore of a backup taken
 * before an erasure can erase that person again instead of bringing their name and ties back.
 *
 * <p>The file names no one: it holds a random key of its own and, per erased contact, the
 * HMAC-SHA256 of their id under it. Whoever holds the file can test an id they already know against
 * it, which is less than the field keys beside it give; an id cannot be read back from it. Its own key,
 * not the deployment's pseudonym key, so a restore onto a new deployment (whose pseudonym key may have
 * been made before the restore) still matches.
 */
@Component
public class ErasureRegister {

    static final String FILE = "erasures.json";

    /** The file's content: the key (base64) and the digests of erased ids, sorted. */
    record Content(String key, List<String> erased) {
    }

    private final SecretsDirectory secrets;
    private final ObjectMapper json = new ObjectMapper();

    public ErasureRegister(CivnetProperties properties) {
        this.secrets = SecretsDirectory.at(properties.secretsDirectory(), properties.neo4j().dataDirectory());
    }

    /** Notes that contact {@code id} was erased (again is harmless). */
    public synchronized void add(String id) {
        Content content = read();
        if (content == null) {
            content = new Content(SecretsDirectory.randomSecret(), List.of());
        }
        Set<String> erased = new TreeSet<>(content.erased());
        erased.add(digest(content.key(), id));
        try {
            secrets.write(FILE, json.writeValueAsString(new Content(content.key(), new ArrayList<>(erased))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Those of {@code ids} that were erased. */
    public synchronized Set<String> erasedAmong(List<String> ids) {
        Content content = read();
        Set<String> found = new HashSet<>();
        if (content == null) {
            return found;
        }
        Set<String> erased = new HashSet<>(content.erased());
        for (String id : ids) {
            if (erased.contains(digest(content.key(), id))) {
                found.add(id);
            }
        }
        return found;
    }

    private Content read() {
        return secrets.read(FILE).map(text -> {
            try {
                return json.readValue(text, Content.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(FILE + " in the secrets directory is not readable: " + e.getOriginalMessage());
            }
        }).orElse(null);
    }

    private static String digest(String key, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
