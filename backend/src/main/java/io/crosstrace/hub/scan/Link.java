package io.crosstrace.hub.scan;

/** One link of a linkset: where a link type points for a key, in which languages. */
record Link(LinkType type, String href, String title, boolean isDefault) {
}
