variable "ami" {
  description = "aws_instance.a ami (the code held a placeholder)."
  type        = string
}

variable "b_ami" {
  description = "AMI of aws_instance.b (per region)."
  type        = string
  default     = "ami-0c55b159cbfafe1f0"
}
