locals {}

# tffix:ignore-file TFX101
