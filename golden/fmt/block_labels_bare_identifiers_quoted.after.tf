resource "aws_instance" "web" {
  ami = "ami-123"
}
variable "region" {}
module "vpc" {
  source = "./vpc"
}
