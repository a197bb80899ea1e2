variable "ami_id" {
  description = "AMI for the app instance."
  type        = string
}

variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "staging"
}
