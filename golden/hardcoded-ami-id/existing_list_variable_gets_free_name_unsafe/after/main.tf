variable "ami" {
  type    = list(string)
  default = []
}

resource "aws_spot_instance_request" "worker" {
  ami           = var.worker_ami
  instance_type = "c5.large"
}

variable "worker_ami" {
  description = "AMI of aws_spot_instance_request.worker (per region)."
  type        = string
  default     = "ami-0b5eea76982371e91"
}
