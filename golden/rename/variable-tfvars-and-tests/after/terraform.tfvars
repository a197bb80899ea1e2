name       = "acme"
aws_region = "eu-west-1"
