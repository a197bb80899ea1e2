resource "aws_instance" "web_server_1" {
  ami = "ami-123"
}

variable "instance_count" {}

locals {
  name_prefix = "app"
}
