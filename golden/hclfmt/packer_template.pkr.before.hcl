packer {
required_plugins {
amazon = {
version = ">= 1.2.0"
source = "github.com/hashicorp/amazon"
}
}
}

variable "region" {
type = "string"
default = "eu-west-1"
}

variable "tags" {
  type = map
}

source "amazon-ebs" "ubuntu" {
ami_name      = "acme-${formatdate("YYYYMMDD", timestamp())}"
instance_type = "t3.micro"
region = "${var.region}"
source_ami_filter {
filters = {
name = "ubuntu/images/*ubuntu-jammy-22.04-amd64-server-*"
"virtualization-type" = "hvm"
}
most_recent = true
owners = ["099720109477"]
}
ssh_username = "ubuntu"
}

build {
sources = ["source.amazon-ebs.ubuntu"]
provisioner "shell" {
inline = ["sudo apt-get update","sudo apt-get install -y nginx"]
}
}
