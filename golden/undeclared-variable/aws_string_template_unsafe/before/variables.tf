variable "environment" {
  description = "Deployment environment."
  type        = string
}
