variable "instance_type" {
	type = string
}

variable "ami" {
	description = "AMI of aws_instance.web (per region)."
	type        = string
	default     = "ami-0c55b159cbfafe1f0"
}
