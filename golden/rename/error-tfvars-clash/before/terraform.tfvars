region     = "eu-west-1"
aws_region = "eu-west-2"
