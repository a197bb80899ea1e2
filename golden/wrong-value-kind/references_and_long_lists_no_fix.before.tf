variable "subnets" {
  type = list(string)
}

variable "group" {
  type = string
}

resource "aws_lb" "main" {
  name            = "main"
  subnets         = "${var.subnets}"
  security_groups = var.group == "" ? [] : [var.group]
}

resource "aws_instance" "web" {
  ami           = ["ami-0123456789abcdef0", "ami-0fedcba9876543210"]
  instance_type = "t3.micro"
  subnet_id     = [
    "subnet-1", # the first
  ][0]
}
