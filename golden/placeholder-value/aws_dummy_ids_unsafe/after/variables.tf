variable "ami" {
  description = "aws_instance.web ami (the code held a placeholder)."
  type        = string
}

variable "subnet_id" {
  description = "aws_instance.web subnet_id (the code held a placeholder)."
  type        = string
}

variable "vpc_security_group_ids" {
  description = "aws_instance.web vpc_security_group_ids (the code held a placeholder)."
  type        = list(string)
}

variable "key_name" {
  description = "aws_instance.web key_name (the code held a placeholder)."
  type        = string
}

variable "t_arn" {
  description = "aws_sns_topic_policy.t arn (the code held a placeholder)."
  type        = string
}
