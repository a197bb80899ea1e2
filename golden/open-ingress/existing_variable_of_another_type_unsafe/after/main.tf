variable "allowed_ssh_cidr_blocks" {
  type    = string
  default = "10.0.0.0/8"
}

resource "aws_security_group" "a" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.allowed_ssh_cidr_blocks_2
  }
}

variable "allowed_ssh_cidr_blocks_2" {
  description = "CIDR blocks allowed to reach SSH (port 22)."
  type        = list(string)
}
