name   = "acme"
region = "eu-west-1"
