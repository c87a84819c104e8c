package org.civnet.domain;

/** A body larger than the limit for its endpoint; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("the body exceeds the limit of " + limit + " bytes for this endpoint");
    }

    public static boolean causedBy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PayloadTooLargeException || c.getClass().getSimpleName().contains("SizeLimitExceeded")) {
                return true;
            }
        }
        return false;
    }
}
