package org.civnet.domain;

/** ECOSOC consultative status of an organisation. */
public enum EcosocStatus {
    GENERAL, SPECIAL, ROSTER, NONE
}
