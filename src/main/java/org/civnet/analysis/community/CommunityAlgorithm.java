package org.civnet.analysis.community;

/** The community detection algorithms offered; see {@link CommunityDetection#detect}. */
public enum CommunityAlgorithm {
    /** {@link Leiden}: the default; communities are guaranteed connected. */
    LEIDEN,
    /** {@link Louvain}: the classic method; communities may be internally disconnected. */
    LOUVAIN,
    /** {@link LabelPropagation}: fastest, ignores the resolution. */
    LABEL_PROPAGATION
}
