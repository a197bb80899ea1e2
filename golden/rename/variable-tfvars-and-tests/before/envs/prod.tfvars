region = "us-east-1" # prod runs in the US
name   = "acme-prod"
