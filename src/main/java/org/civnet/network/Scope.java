package org.civnet.network;

/** Geographic reach of an organisation or network. */
public enum Scope {
    LOCAL, NATIONAL, REGIONAL, INTERNATIONAL
}
