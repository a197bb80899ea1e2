terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_rds_instance" "db" {
  count          = 2
  instance_class = "db.t3.micro"
}

output "endpoints" {
  value = aws_rds_instance.db[*].endpoint
}
