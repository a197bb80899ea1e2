terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_db_instance" "db" {
  count          = 2
  instance_class = "db.t3.micro"
}

output "endpoints" {
  value = aws_db_instance.db[*].endpoint
}
