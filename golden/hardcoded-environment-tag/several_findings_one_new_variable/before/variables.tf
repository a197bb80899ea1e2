variable "ami_id" {
  description = "AMI for the app instance."
  type        = string
}
