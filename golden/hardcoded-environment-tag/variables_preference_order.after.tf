variable "environment_suffix" {
  type    = string
  default = "x1"
}

variable "stage" {
  type    = string
  default = "dev"
}

variable "env" {
  type    = string
  default = "dev"
}

resource "aws_s3_bucket" "a" {
  bucket = "a"

  tags = {
    Environment = var.env
  }
}
