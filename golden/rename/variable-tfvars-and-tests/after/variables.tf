variable "aws_region" {
  type        = string
  description = "Where everything runs"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+-[0-9]$", var.aws_region))
    error_message = "Not a region: ${var.aws_region}."
  }
}

variable "name" {
  type = string
}
