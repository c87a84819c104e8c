package org.civnet.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Stable pseudonyms: {@code anon-} and 12 hex digits of HMAC-SHA256(deployment key, id). The same
 * person has the same pseudonym in every report of one deployment, so an analyst can follow a
 * node without learning who it is; without the key the id cannot be recovered or guessed.
 */
@Component
public class Pseudonyms {

    private final UserAccounts accounts;
    private volatile SecretKeySpec key;

    public Pseudonyms(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** What every pseudonym looks like; anything else is not one (and costs no look-up). */
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("anon-[0-9a-f]{12}");

    public String of(String id) {
        return of(id, mac());
    }

    private static String of(String id, Mac mac) {
        byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return "anon-" + HexFormat.of().formatHex(digest, 0, 6);
    }

    /**
     * The tombstone that stands for an erased person (domain/Erased): {@code erased-} and 12 hex digits
     * of HMAC-SHA256(deployment key, "erased/" + id). Another message than the pseudonym's, so the
     * tombstone cannot be matched with the pseudonym an analyst saw; keyed, so it cannot be computed
     * from a list of ids without the key.
     */
    public String tombstone(String id) {
        byte[] digest = mac().doFinal(("erased/" + id).getBytes(StandardCharsets.UTF_8));
        return "erased-" + HexFormat.of().formatHex(digest, 0, 6);
    }

    /** Whether {@code text} has the shape of a pseudonym (it may still stand for nobody). */
    public static boolean looksLikeOne(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /**
     * Pseudonym → id for {@code ids}. The HMAC cannot be inverted, so the only way back is to compute
     * the pseudonyms of the candidates: one MAC per id (about a microsecond). A pseudonym two ids share
     * (48 bits: about one chance in 10^6 among 20,000 protected people) maps to neither, so it never
     * names the wrong person.
     */
    public java.util.Map<String, String> index(java.util.Collection<String> ids) {
        Mac mac = mac();
        java.util.Map<String, String> byPseudonym = new java.util.HashMap<>(ids.size() * 2);
        java.util.Set<String> shared = new java.util.HashSet<>();
        for (String id : ids) {
            String pseudonym = of(id, mac);
            if (byPseudonym.putIfAbsent(pseudonym, id) != null) {
                shared.add(pseudonym);
            }
        }
        shared.forEach(byPseudonym::remove);
        return java.util.Map.copyOf(byPseudonym);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(accounts.pseudonymKey(), "HmacSHA256");
                }
                k = key;
            }
        }
        return k;
    }
}
