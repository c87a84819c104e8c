package org.civnet.domain;

/** Geographic reach of an organisation or network. */
public enum Scope {
    LOCAL, NATIONAL, REGIONAL, INTERNATIONAL
}
