variable "environment" {
  description = "Deployment environment."
  type        = string
}

variable "prefix" {
  type = string
}
