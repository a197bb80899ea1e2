variable "ami" {
  type    = list(string)
  default = []
}

resource "aws_spot_instance_request" "worker" {
  ami           = "ami-0b5eea76982371e91"
  instance_type = "c5.large"
}
