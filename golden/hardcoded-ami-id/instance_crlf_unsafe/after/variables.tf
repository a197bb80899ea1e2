variable "ami" {
  description = "AMI of aws_instance.db (per region)."
  type        = string
  default     = "ami-0d5d9d301c853a04a"
}
