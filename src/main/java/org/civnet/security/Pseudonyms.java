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

    public String of(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return "anon-" + HexFormat.of().formatHex(digest, 0, 6);
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
