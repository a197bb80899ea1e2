variable "environment_suffix" {
  description = "Environment name, used in names."
  type        = string
  default     = "prod"
}
