package org.civnet.secrets;

/**
 * A reason civnet will not start that the operator can fix (a taken port, missing secrets): shown as
 * one clear sentence by {@link StartupRefusalAnalyzer}, without a stack trace.
 */
public class StartupRefusal extends RuntimeException {

    public StartupRefusal(String message) {
        super(message);
    }
}
