variable "bucket_name" {
  description = "Name of the log bucket."
  type        = string
}

variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "staging"
}
