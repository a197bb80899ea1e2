data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_instance" "a" {
  ami = data.aws_ami.al2023.id
}

resource "aws_instance" "b" {
  ami = var.ami_id
}

resource "aws_launch_template" "c" {
  image_id = "ami-12345678"
}

resource "aws_ami_copy" "d" {
  source_ami_id     = "ami-0c55b159cbfafe1f0"
  source_ami_region = "us-east-2"
}

resource "aws_instance" "e" {
  ami = "${var.prefix}-ami"
}
