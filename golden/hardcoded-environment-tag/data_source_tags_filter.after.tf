variable "environment" {
  type    = string
  default = "prod"
}

data "aws_vpc" "main" {
  tags = {
    Environment = var.environment
  }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.main.id]
  }

  tags = {
    Tier        = "private"
    Environment = var.environment
  }
}
