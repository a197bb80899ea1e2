variable "no_type" {
  default = "value"
}

variable "enabled" {
  default     = false
  description = "Turns the feature on."
  type        = bool
}
