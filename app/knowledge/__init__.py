"""The archive's knowledge: the snapshot extraction takes as input, built from what is stored."""
