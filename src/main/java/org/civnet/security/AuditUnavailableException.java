package org.civnet.security;

import org.civnet.domain.ServiceUnavailableException;

/**
 * The audit entry a response needs could not be written: the response is withheld (fail closed) and
 * the one problem handler answers 503, as for any {@link ServiceUnavailableException}.
 */
public class AuditUnavailableException extends ServiceUnavailableException {

    public AuditUnavailableException() {
        super("the audit log could not record this request, so its answer is withheld; nothing was shown. "
                + "Try again later, and tell an administrator if it persists");
    }
}
