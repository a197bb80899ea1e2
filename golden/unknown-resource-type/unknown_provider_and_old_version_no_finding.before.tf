terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.0"
    }
    acme = {
      source = "acme/acme"
    }
  }
}

resource "aws_rds_instance" "old" {
  instance_class = "db.t3.micro"
}

resource "acme_widget" "w" {
  size = 3
}
