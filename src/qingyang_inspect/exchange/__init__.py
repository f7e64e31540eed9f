"""Exchanging findings between stores: bundles out (:mod:`.bundle`), merges in (:mod:`.merge`)."""
