variable "deletion_protection" {
  description = "Protect the database from deletion (turn off for destroyable stacks)."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Skip the final snapshot on destroy (turn on for destroyable stacks)."
  type        = bool
  default     = false
}
