"""Rules: one module per rule, listed in ``registry``."""
