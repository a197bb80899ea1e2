# Input variables.
