terraform {
  required_providers {
    aws =  {
      source  =  "hashicorp/aws"
      version =  "~> 5.0"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket =  aws_s3_bucket.logs.id

  rule {
    id     =  "expire"
    status =  "Enabled"

    expiration {
      days =  30
    }
  }
}
