variable "deploy_env" {
  description = "Deployment environment, used in tags."
  type        = string
  default     = "sandbox"
}
