variable "port" {
  type = number

  validation {
    condition     = var.port > 0
    error_message = "The port must be positive."
  }
}

variable "name" {
  type = string
}

output "name" {
  value = var.name
}
