variable "environment" {
    description = "Deployment environment, used in tags."
    type        = string
    default     = "prod"
}
