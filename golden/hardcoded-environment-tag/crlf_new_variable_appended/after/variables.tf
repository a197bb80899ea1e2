variable "region" {
  type    = string
  default = "us-west-2"
}

variable "environment" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "dev"
}
