variable "region" {
  type        = string
  description = "Where everything runs"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+-[0-9]$", var.region))
    error_message = "Not a region: ${var.region}."
  }
}

variable "name" {
  type = string
}
