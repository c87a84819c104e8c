package org.civnet.domain;

/** Where an introduction stands; MADE creates or strengthens a KNOWS tie. */
public enum IntroductionStatus {
    REQUESTED, MADE, DECLINED
}
