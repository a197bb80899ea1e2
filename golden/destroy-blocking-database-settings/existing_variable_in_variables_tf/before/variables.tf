variable "deletion_protection" {
  description = "Protect the cluster from deletion."
  type        = bool
  default     = true
}
